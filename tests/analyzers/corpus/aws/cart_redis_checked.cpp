// Shopping cart (aws-lambda-cpp) stored in Redis. The context is created in
// main and re-validated at the start of each invocation.
#include <aws/lambda-runtime/runtime.h>

#include <string>

#include <hiredis/hiredis.h>
#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

bool usable(redisContext* c) {
  if (c == nullptr) return false;
  if (c->err == 0) {
    auto* pong = static_cast<redisReply*>(redisCommand(c, "PING"));
    const bool ok = pong && pong->type == REDIS_REPLY_STATUS;
    if (pong) freeReplyObject(pong);
    if (ok) return true;
  }
  return redisReconnect(c) == REDIS_OK;
}

invocation_response add_item(redisContext* redis, invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  if (event.is_discarded()) return invocation_response::failure("bad json", "InvalidEvent");
  const std::string cart = event.value("cart_id", "");
  const std::string sku = event.value("sku", "");
  if (cart.empty() || sku.empty()) return invocation_response::failure("cart_id and sku required", "InvalidEvent");
  if (!usable(redis)) return invocation_response::failure("cart store unavailable", "Unavailable");

  auto* reply = static_cast<redisReply*>(redisCommand(redis, "HINCRBY cart:%s %s 1", cart.c_str(), sku.c_str()));
  const long long qty = reply && reply->type == REDIS_REPLY_INTEGER ? reply->integer : -1;
  if (reply) freeReplyObject(reply);
  if (qty < 0) return invocation_response::failure("update failed", "Unavailable");
  return invocation_response::success("{\"sku\":\"" + sku + "\",\"quantity\":" + std::to_string(qty) + "}",
                                      "application/json");
}

}  // namespace

int main() {
  redisContext* redis = redisConnect("carts.internal", 6379);
  run_handler([redis](invocation_request const& req) { return add_item(redis, req); });
  if (redis) redisFree(redis);
  return 0;
}

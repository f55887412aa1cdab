// Distributed locks for the invoice run (aws-lambda-cpp): SET NX with an
// owner id so only the owner may release the lock.
#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <string>
#include <unistd.h>

#include <hiredis/hiredis.h>
#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace locks {

redisContext* redis = nullptr;
std::string owner;

bool acquire(const std::string& name, int ttl) {
  auto* r = static_cast<redisReply*>(redisCommand(redis, "SET lock:%s %s NX EX %d", name.c_str(), owner.c_str(), ttl));
  const bool ok = r && r->type == REDIS_REPLY_STATUS;
  if (r) freeReplyObject(r);
  return ok;
}

void release(const std::string& name) {
  auto* r = static_cast<redisReply*>(redisCommand(redis, "EVAL %s 1 lock:%s %s",
                                                  "if redis.call('get',KEYS[1])==ARGV[1] then return redis.call('del',KEYS[1]) end",
                                                  name.c_str(), owner.c_str()));
  if (r) freeReplyObject(r);
}

invocation_response run(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  const std::string name = event.is_discarded() ? "invoices" : event.value("lock", "invoices");
  if (!acquire(name, 60)) return invocation_response::failure("lock held elsewhere", "Busy");
  const std::string result = "{\"lock\":\"" + name + "\",\"owner\":\"" + owner + "\"}";
  release(name);
  return invocation_response::success(result, "application/json");
}

}  // namespace locks

int main() {
  char host[128] = {};
  gethostname(host, sizeof host);
  locks::owner = std::string(host) + ":" + std::to_string(getpid());
  locks::redis = redisConnect("locks.internal", 6379);
  if (const char* pw = std::getenv("LOCKS_REDIS_PASSWORD")) {
    auto* r = static_cast<redisReply*>(redisCommand(locks::redis, "AUTH %s", pw));
    if (r) freeReplyObject(r);
  }
  run_handler(locks::run);
  return 0;
}

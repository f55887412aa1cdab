// Payment capture (aws-lambda-cpp, handler as a std::function). Retries of the
// same capture with the same idempotency key get the first result back.
#include <aws/lambda-runtime/runtime.h>

#include <functional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;
using nlohmann::json;

namespace payments {

std::unordered_map<std::string, std::string> results_by_key;

std::string capture(const std::string& payment_id, long amount) {
  json out = {{"payment", payment_id}, {"captured", amount}, {"status", "ok"}};
  return out.dump();
}

invocation_response handle(invocation_request const& req) {
  auto event = json::parse(req.payload, nullptr, false);
  if (event.is_discarded()) return invocation_response::failure("bad json", "InvalidEvent");
  const std::string key = event.value("idempotency_key", "");
  const std::string payment = event.value("payment_id", "");
  if (key.empty() || payment.empty()) return invocation_response::failure("key and payment_id required", "InvalidEvent");

  if (auto hit = results_by_key.find(key); hit != results_by_key.end()) {
    return invocation_response::success(hit->second, "application/json");
  }
  std::string result = capture(payment, event.value("amount", 0L));
  results_by_key[key] = result;
  return invocation_response::success(result, "application/json");
}

}  // namespace payments

int main() {
  std::function<invocation_response(invocation_request const&)> handler = payments::handle;
  run_handler(handler);
  return 0;
}

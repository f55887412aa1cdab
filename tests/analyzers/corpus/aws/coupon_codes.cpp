// Coupon code generator for the spring campaign (aws-lambda-cpp).
#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

std::string code(int length) {
  std::string out;
  for (int i = 0; i < length; ++i) out += kAlphabet[std::rand() % (sizeof kAlphabet - 1)];
  return out;
}

int discount_percent() {
  return 5 + std::rand() % 4 * 5;
}

invocation_response issue(invocation_request const& req) {
  auto q = nlohmann::json::parse(req.payload, nullptr, false);
  int count = q.is_discarded() ? 1 : q.value("count", 1);
  if (count < 1 || count > 50) return invocation_response::failure("count must be 1..50", "InvalidEvent");
  nlohmann::json codes = nlohmann::json::array();
  for (int i = 0; i < count; ++i) codes.push_back({{"code", "SPRING-" + code(8)}, {"percent", discount_percent()}});
  return invocation_response::success(codes.dump(), "application/json");
}

}  // namespace

int main() {
  std::srand(static_cast<unsigned>(std::time(nullptr)));
  run_handler(issue);
  return 0;
}

// Issues raffle tickets. Each invocation seeds its own engine, so instances
// restored from the same snapshot still draw different numbers.
#include <aws/lambda-runtime/runtime.h>

#include <random>
#include <string>

#include <nlohmann/json.hpp>
#include <uuid/uuid.h>

using namespace aws::lambda_runtime;

namespace {

constexpr int kMaxTickets = 20;

std::string ticket_id() {
  uuid_t raw;
  uuid_generate_random(raw);
  char text[37];
  uuid_unparse_lower(raw, text);
  return text;
}

invocation_response issue(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  const int count = event.is_discarded() ? 1 : event.value("count", 1);
  if (count < 1 || count > kMaxTickets) return invocation_response::failure("count must be 1..20", "InvalidEvent");
  std::random_device entropy;
  std::mt19937 engine(entropy());
  std::uniform_int_distribution<int> number(1, 999999);
  nlohmann::json tickets = nlohmann::json::array();
  for (int i = 0; i < count; ++i) tickets.push_back({{"id", ticket_id()}, {"number", number(engine)}});
  return invocation_response::success(tickets.dump(), "application/json");
}

}  // namespace

int main() {
  run_handler(issue);
  return 0;
}

// Assigns the seats of a sold-out screening at random among the waiting list.
// The shuffle must differ between runs, so the engine is seeded from the clock.
#include <aws/lambda-runtime/runtime.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

std::default_random_engine shuffler;

invocation_response assign(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  if (event.is_discarded() || !event.contains("waiting")) {
    return invocation_response::failure("expected {\"waiting\":[...],\"seats\":N}", "InvalidEvent");
  }
  std::vector<std::string> waiting = event["waiting"].get<std::vector<std::string>>();
  const int seats = event.value("seats", 0);
  std::shuffle(waiting.begin(), waiting.end(), shuffler);
  if (static_cast<int>(waiting.size()) > seats) waiting.resize(seats);
  nlohmann::json winners = nlohmann::json::array();
  for (const auto& name : waiting) winners.push_back(name);
  return invocation_response::success(winners.dump(), "application/json");
}

}  // namespace

int main() {
  shuffler.seed(static_cast<unsigned>(std::chrono::system_clock::now().time_since_epoch().count()));
  run_handler(assign);
  return 0;
}

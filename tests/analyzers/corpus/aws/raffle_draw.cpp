// Raffle draws for the community events team (aws-lambda-cpp): shuffles the
// entrants and returns the winners. A new engine is seeded for every draw.
#include <aws/lambda-runtime/runtime.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <sys/random.h>
#include <vector>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

constexpr std::array<int, 3> kPrizesPerTier = {1, 3, 10};

std::seed_seq::result_type fresh_seed() {
  std::seed_seq::result_type seed = 0;
  getrandom(&seed, sizeof seed, 0);
  return seed;
}

invocation_response draw(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  if (event.is_discarded() || !event.contains("entrants")) return invocation_response::failure("no entrants", "InvalidEvent");
  std::vector<std::string> entrants;
  const auto& list = event["entrants"];
  for (std::size_t i = 0; i < list.size(); ++i) entrants.push_back(list[i].get<std::string>());

  std::random_device device;
  std::seed_seq seq{fresh_seed(), device(), device()};
  std::mt19937 engine(seq);
  std::shuffle(entrants.begin(), entrants.end(), engine);

  nlohmann::json winners = nlohmann::json::array();
  std::size_t next = 0;
  for (int tier = 0; tier < static_cast<int>(kPrizesPerTier.size()); ++tier) {
    for (int k = 0; k < kPrizesPerTier[tier] && next < entrants.size(); ++k) {
      winners.push_back({{"tier", tier + 1}, {"name", entrants[next++]}});
    }
  }
  return invocation_response::success(winners.dump(), "application/json");
}

}  // namespace

int main() {
  run_handler(draw);
  return 0;
}

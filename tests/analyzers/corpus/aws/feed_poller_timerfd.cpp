// Price feed (aws-lambda-cpp): a background thread refreshes the latest
// prices every five seconds, driven by a timerfd; invocations read the snapshot.
#include <aws/lambda-runtime/runtime.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <poll.h>
#include <string>
#include <sys/timerfd.h>
#include <thread>
#include <unistd.h>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

std::mutex prices_mutex;
std::map<std::string, double> prices;

void refresh_prices() {
  std::lock_guard<std::mutex> lock(prices_mutex);
  prices["BTC"] += 1.0;
  prices["ETH"] += 0.1;
}

void refresher(int tfd) {
  pollfd p{tfd, POLLIN, 0};
  while (true) {
    if (poll(&p, 1, 10000) > 0) {
      std::uint64_t ticks;
      if (read(tfd, &ticks, sizeof ticks) > 0) refresh_prices();
    }
  }
}

double price_of(const std::map<std::string, double>& table, const std::string& symbol) {
  auto it = table.find(symbol);
  return it == table.end() ? -1.0 : it->second;
}

invocation_response quote(invocation_request const& req) {
  auto q = nlohmann::json::parse(req.payload, nullptr, false);
  const std::string symbol = q.is_discarded() ? "BTC" : q.value("symbol", "BTC");
  std::lock_guard<std::mutex> lock(prices_mutex);
  const double price = price_of(prices, symbol);
  if (price < 0) return invocation_response::failure("unknown symbol", "NotFound");
  return invocation_response::success("{\"price\":" + std::to_string(price) + "}", "application/json");
}

}  // namespace

int main() {
  int tfd = timerfd_create(CLOCK_MONOTONIC, 0);
  itimerspec every{{5, 0}, {5, 0}};
  timerfd_settime(tfd, 0, &every, nullptr);
  std::thread worker(refresher, tfd);
  worker.detach();
  run_handler(quote);
  return 0;
}

// In-memory token bucket per client address: a cheap first line of defence
// before the shared limiter. The table is capped; when full it starts over.
#include <sls/function.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <unordered_map>

namespace {

using Clock = std::chrono::steady_clock;

struct Bucket {
  double tokens = 10.0;
  Clock::time_point refilled;
};

constexpr double kRatePerSecond = 2.0;
constexpr double kBurst = 10.0;
constexpr size_t kMaxClients = 10000;

std::unordered_map<std::string, Bucket> buckets;

bool take(const std::string& client) {
  if (buckets.size() > kMaxClients) buckets.clear();
  auto [it, inserted] = buckets.try_emplace(client);
  Bucket& b = it->second;
  const auto now = Clock::now();
  if (!inserted) {
    const double elapsed = std::chrono::duration<double>(now - b.refilled).count();
    b.tokens = std::min(kBurst, b.tokens + elapsed * kRatePerSecond);
  }
  b.refilled = now;
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  std::string client = req.header("x-forwarded-for");
  if (auto comma = client.find(','); comma != std::string::npos) client.resize(comma);
  if (client.empty()) client = "unknown";
  if (!take(client)) {
    sls::Response res = sls::Response::text(429, "slow down");
    res.set_header("retry-after", "1");
    return res;
  }
  return sls::Response::json(200, "{\"ok\":true}");
}

SLS_HANDLER(handle)

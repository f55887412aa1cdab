// Waits (up to a second) until three invocations run at once, then answers how many it saw at
// the same time: 3 under AWS_LAMBDA_MAX_CONCURRENCY=3, 1 under the sequential loop.
#include <sls/function.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace {
std::atomic<int> g_in_flight{0};
std::atomic<int> g_peak{0};
}  // namespace

sls::Response overlap(const sls::Request&, sls::Context&) {
  const int now = ++g_in_flight;
  for (int peak = g_peak.load(); now > peak && !g_peak.compare_exchange_weak(peak, now);) {
  }
  for (int waited = 0; waited < 100 && g_peak.load() < 3; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  --g_in_flight;
  return sls::Response::text(200, "peak=" + std::to_string(g_peak.load()));
}

SLS_HANDLER(overlap)

// Given clock readings kept in static storage, we should report those taken
// at initialisation, and not TTL timestamps refreshed by the handler or locals.
#include <chrono>
#include <ctime>
#include <sys/time.h>

#include <sls/function.hpp>

using Clock = std::chrono::steady_clock;

static const auto g_started = Clock::now();                     // expect: warning sls-cached-time
static std::time_t g_boot = std::time(nullptr);                  // expect: warning sls-cached-time; note sls-global-mutable-state
static timespec g_init_ts;  // expect: note sls-global-mutable-state
static timeval g_tv;  // expect: warning sls-global-mutable-state
static Clock::time_point g_last_refresh;                         // a TTL timestamp the handler refreshes  // expect: warning sls-global-mutable-state
static std::chrono::system_clock::time_point g_deploy;           // set in a constructor function  // expect: note sls-global-mutable-state

__attribute__((constructor)) static void remember_start() {
  clock_gettime(CLOCK_MONOTONIC, &g_init_ts);                    // expect: warning sls-cached-time
  g_deploy = std::chrono::system_clock::now();                   // expect: warning sls-cached-time
}

static long uptime_ms() {
  static const auto first_call = Clock::now();                   // expect: warning sls-cached-time
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - first_call).count();
}

sls::Response handle(const sls::Request& request, sls::Context& context) {
  auto now = Clock::now();                                       // a local reading: fresh
  if (now - g_last_refresh > std::chrono::seconds(60)) g_last_refresh = now;  // expect: warning sls-cached-time
  gettimeofday(&g_tv, nullptr);  // a per-request stamp kept in static storage  // expect: warning sls-cached-time
  std::time_t t = std::time(nullptr);
  static double g_elapsed = 0;  // expect: warning sls-global-mutable-state
  g_elapsed = std::chrono::duration<double>(Clock::now() - g_last_refresh).count();  // a duration, not a reading
  static bool g_stale = false;  // expect: warning sls-global-mutable-state
  g_stale = g_last_refresh < Clock::now() - std::chrono::minutes(15);  // a comparison, not a reading
  long age = uptime_ms() + static_cast<long>(t - g_boot) + g_started.time_since_epoch().count();
  return sls::Response::text(200, age > 0 ? "ok" : "no");
}
SLS_HANDLER(handle)

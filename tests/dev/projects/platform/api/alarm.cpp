// GET /api/alarm?step=arm arms alarm(1) and answers at once; GET /api/alarm?step=report says
// whether SIGALRM has arrived and how long after it was armed. Between the two the instance is
// frozen, so a report made two seconds later sees the signal arrive after about two seconds (on
// the thaw), not after one.
#include <sls/function.hpp>

#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <string>

namespace {
volatile sig_atomic_t g_arrived = 0;
timespec g_armed{}, g_arrival{};

void on_alarm(int) {
  clock_gettime(CLOCK_MONOTONIC, &g_arrival);
  g_arrived = 1;
}

long milliseconds_between(const timespec& from, const timespec& to) {
  return (to.tv_sec - from.tv_sec) * 1000 + (to.tv_nsec - from.tv_nsec) / 1000000;
}
}  // namespace

sls::Response alarm_probe(const sls::Request& req, sls::Context&) {
  if (req.query("step") == "arm") {
    struct sigaction action{};
    action.sa_handler = on_alarm;
    action.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &action, nullptr);
    g_arrived = 0;
    clock_gettime(CLOCK_MONOTONIC, &g_armed);
    alarm(1);
    return sls::Response::text(200, "armed");
  }
  if (!g_arrived) return sls::Response::text(200, "not arrived");
  return sls::Response::text(200, "arrived after " + std::to_string(milliseconds_between(g_armed, g_arrival)) + " ms");
}
SLS_HANDLER(alarm_probe)

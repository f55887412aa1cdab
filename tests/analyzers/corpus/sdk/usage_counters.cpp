// Per-plan usage counters, pushed to the billing service when the platform
// asks the instance to stop.
#include <sls/function.hpp>

#include <array>
#include <csignal>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace {

constexpr std::array<const char*, 3> kPlans = {"free", "team", "enterprise"};
std::array<unsigned long, 3> calls_per_plan{};

void push_usage(int) {
  char line[160];
  int n = std::snprintf(line, sizeof line, "free=%lu team=%lu enterprise=%lu\n", calls_per_plan[0], calls_per_plan[1],
                        calls_per_plan[2]);
  if (n > 0) write(STDOUT_FILENO, line, static_cast<size_t>(n));
  _exit(0);
}

__attribute__((constructor)) void install_term_handler() {
  std::signal(SIGTERM, push_usage);
}

size_t plan_index(const std::string& plan) {
  for (size_t i = 0; i < kPlans.size(); ++i)
    if (plan == kPlans[i]) return i;
  return 0;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const size_t plan = plan_index(req.header("x-plan"));
  ++calls_per_plan[plan];
  return sls::Response::json(200, "{\"plan\":\"" + std::string(kPlans[plan]) + "\"}");
}

SLS_HANDLER(handle)

// Built-in CPU sampling profiler for the pricing engine: SIGPROF every 10 ms
// counts which phase is running; the histogram is written when the process ends.
#include <sls/function.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/time.h>

namespace {

enum Phase { kIdle, kParse, kPrice, kRender, kPhases };

volatile sig_atomic_t current_phase = kIdle;
unsigned long samples[kPhases];

void on_prof(int) { ++samples[current_phase]; }

void dump_profile() {
  FILE* out = std::fopen("/tmp/pricing.prof", "w");
  if (!out) return;
  for (int i = 0; i < kPhases; ++i) std::fprintf(out, "%d %lu\n", i, samples[i]);
  std::fclose(out);
}

__attribute__((constructor)) void start_profiler() {
  struct sigaction sa{};
  sa.sa_handler = on_prof;
  sigaction(SIGPROF, &sa, nullptr);
  itimerval every{{0, 10000}, {0, 10000}};
  setitimer(ITIMER_PROF, &every, nullptr);
  std::atexit(dump_profile);
}

double price(const std::string& sku, int quantity) {
  current_phase = kPrice;
  double unit = 9.99 + static_cast<double>(sku.size());
  return quantity >= 10 ? unit * quantity * 0.9 : unit * quantity;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  current_phase = kParse;
  const std::string sku = req.query("sku");
  const int quantity = std::atoi(req.query("qty").c_str());
  const double total = price(sku, quantity > 0 ? quantity : 1);
  current_phase = kRender;
  std::string body = "{\"sku\":\"" + sku + "\",\"total\":" + std::to_string(total) + "}";
  current_phase = kIdle;
  return sls::Response::json(200, body);
}

SLS_HANDLER(handle)

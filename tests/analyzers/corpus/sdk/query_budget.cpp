// Ad-hoc analytics queries with a CPU budget: SIGVTALRM interrupts the
// evaluator when it has used its share of CPU time.
#include <sls/function.hpp>

#include <csignal>
#include <string>
#include <sys/time.h>
#include <unistd.h>

namespace {

volatile sig_atomic_t cpu_exhausted = 0;

void on_vtalrm(int) { cpu_exhausted = 1; }

void arm_cpu_budget(long millis) {
  std::signal(SIGVTALRM, on_vtalrm);
  itimerval budget{};
  budget.it_value.tv_sec = millis / 1000;
  budget.it_value.tv_usec = (millis % 1000) * 1000;
  setitimer(ITIMER_VIRTUAL, &budget, nullptr);
}

long evaluate(const std::string& query) {
  long acc = 0;
  for (long i = 0; i < 50000000 && !cpu_exhausted; ++i) acc += static_cast<long>(query[static_cast<size_t>(i) % query.size()]) * i;
  return acc;
}

long quick_count(const std::string& query) {
  alarm(2);
  long n = 0;
  for (char c : query) n += c == ',';
  alarm(0);
  return n;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string query = req.body();
  if (query.empty()) return sls::Response::text(400, "empty query");
  if (req.query("mode") == "count") return sls::Response::json(200, "{\"fields\":" + std::to_string(quick_count(query) + 1) + "}");
  cpu_exhausted = 0;
  arm_cpu_budget(800);
  const long result = evaluate(query);
  if (cpu_exhausted) return sls::Response::text(503, "query exceeded its CPU budget");
  return sls::Response::json(200, "{\"result\":" + std::to_string(result) + "}");
}

SLS_HANDLER(handle)

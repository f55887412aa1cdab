// Report rendering can hang on pathological input; a SIGALRM just before the
// platform deadline lets us answer 504 instead of being killed silently.
#include <sls/function.hpp>

#include <csignal>
#include <string>
#include <unistd.h>

namespace {

volatile sig_atomic_t deadline_hit = 0;

void on_alarm(int) { deadline_hit = 1; }

const bool alarm_installed = [] {
  std::signal(SIGALRM, on_alarm);
  return true;
}();

std::string render(const std::string& spec) {
  std::string out;
  for (size_t i = 0; i < spec.size() * 1000 && !deadline_hit; ++i) out += spec[i % spec.size()];
  return out;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  deadline_hit = 0;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(ctx.remaining_time()).count();
  alarm(static_cast<unsigned>(seconds > 2 ? seconds - 1 : 1));
  const std::string spec = req.body();
  if (spec.empty()) return sls::Response::text(400, "empty spec");
  std::string out = render(spec);
  if (deadline_hit) return sls::Response::text(504, "rendering took too long");
  return sls::Response::text(200, out.substr(0, 4096));
}

SLS_HANDLER(handle)

// Nightly batch step (aws-lambda-cpp): a POSIX timer armed in main raises
// SIGALRM ten minutes later so the step checkpoints before the hard timeout.
#include <aws/lambda-runtime/runtime.h>

#include <csignal>
#include <cstring>
#include <ctime>
#include <string>

using namespace aws::lambda_runtime;

namespace {

volatile sig_atomic_t checkpoint_now = 0;
long processed = 0;

void on_deadline(int) { checkpoint_now = 1; }

invocation_response step(invocation_request const& req) {
  long rows = static_cast<long>(req.payload.size());
  for (long i = 0; i < rows && !checkpoint_now; ++i) ++processed;
  const std::string body = "{\"processed\":" + std::to_string(processed) + ",\"checkpoint\":" + (checkpoint_now ? "true" : "false") + "}";
  return invocation_response::success(body, "application/json");
}

}  // namespace

int main() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_deadline;
  sigaction(SIGALRM, &sa, nullptr);
  sigevent ev{};
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGALRM;
  timer_t deadline;
  timer_create(CLOCK_MONOTONIC, &ev, &deadline);
  itimerspec ten_minutes{};
  ten_minutes.it_value.tv_sec = 600;
  timer_settime(deadline, 0, &ten_minutes, nullptr);
  run_handler(step);
  return 0;
}

// HTML-to-PDF conversion (aws-lambda-cpp). Some documents make the layout
// engine spin; a SIGALRM watchdog turns that into a clean failure.
#include <aws/lambda-runtime/runtime.h>

#include <csignal>
#include <cstdio>
#include <string>
#include <unistd.h>

using namespace aws::lambda_runtime;

static volatile sig_atomic_t gave_up = 0;

static void on_watchdog(int) { gave_up = 1; }

static std::string layout(const std::string& html) {
  std::string pdf = "%PDF-1.7\n";
  for (size_t pass = 0; pass < html.size() && !gave_up; ++pass) pdf += html[pass];
  return pdf;
}

static invocation_response convert(invocation_request const& req) {
  gave_up = 0;
  const auto budget = std::chrono::duration_cast<std::chrono::seconds>(req.get_time_remaining()).count();
  alarm(static_cast<unsigned>(budget > 3 ? budget - 2 : 1));
  std::string pdf = layout(req.payload);
  if (gave_up) return invocation_response::failure("layout did not finish in time", "Timeout");
  return invocation_response::success(std::to_string(pdf.size()), "text/plain");
}

int main() {
  struct sigaction sa {};
  sa.sa_handler = on_watchdog;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGALRM, &sa, nullptr);
  run_handler(convert);
  return 0;
}

// XML validation (aws-lambda-cpp). A real-time interval timer with the
// default SIGALRM action is a hard stop for runaway inputs; it is cancelled
// before each invocation returns.
#include <aws/lambda-runtime/runtime.h>

#include <string>
#include <sys/time.h>

using namespace aws::lambda_runtime;

namespace {

constexpr int kHardLimitSeconds = 20;

bool balanced(const std::string& xml) {
  long depth = 0;
  for (size_t i = 0; i + 1 < xml.size(); ++i) {
    if (xml[i] == '<' && xml[i + 1] == '/') --depth;
    else if (xml[i] == '<' && xml[i + 1] != '?' && xml[i + 1] != '!') ++depth;
    else if (xml[i] == '/' && xml[i + 1] == '>') --depth;
    if (depth < 0) return false;
  }
  return depth == 0;
}

invocation_response validate(invocation_request const& req) {
  itimerval limit{};
  limit.it_value.tv_sec = kHardLimitSeconds;
  setitimer(ITIMER_REAL, &limit, nullptr);

  const bool ok = balanced(req.payload);

  itimerval off{};
  setitimer(ITIMER_REAL, &off, nullptr);
  if (!ok) return invocation_response::failure("unbalanced document", "InvalidXml");
  return invocation_response::success("{\"valid\":true}", "application/json");
}

}  // namespace

int main() {
  run_handler(validate);
  return 0;
}

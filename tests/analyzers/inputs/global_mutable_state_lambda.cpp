// Given a lambda passed to run_handler, we should treat its body as handler
// context and main before the call as init (a note: written only at init).
#include <map>
#include <string>

#include <aws/lambda-runtime/runtime.h>

static std::map<std::string, std::string> g_sessions;  // expect: warning sls-global-mutable-state
static int g_cold_starts = 0;  // expect: note sls-global-mutable-state

int main() {
  ++g_cold_starts;
  aws::lambda_runtime::run_handler([](const aws::lambda_runtime::invocation_request& request) {
    g_sessions.erase("old");
    return aws::lambda_runtime::invocation_response::success("ok", "text/plain");
  });
  return 0;
}

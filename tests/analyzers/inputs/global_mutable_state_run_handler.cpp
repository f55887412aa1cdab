// Given an aws-lambda-cpp function, we should treat main before run_handler as
// init and the handler callable as handler context.
#include <string>
#include <vector>

#include <aws/lambda-runtime/runtime.h>

using namespace aws::lambda_runtime;

static std::string g_table_name;  // expect: note sls-global-mutable-state
static int g_invocations = 0;     // expect: warning sls-global-mutable-state
static int g_unused_counter = 0;  // expect: note sls-global-mutable-state

static void bump_unused() { g_unused_counter = 1; }

static invocation_response my_handler(const invocation_request& request) {
  ++g_invocations;
  return invocation_response::success(g_table_name.c_str(), "text/plain");
}

int main() {
  g_table_name = "orders";
  bump_unused();
  run_handler(my_handler);
  return 0;
}

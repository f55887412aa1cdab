// Given request data that reaches a global through a handler lambda's
// parameter, locals, helper parameters and buffers a call fills, we should
// follow it to the store.
#include <cstdio>
#include <cstring>
#include <string>

#include <aws/lambda-runtime/runtime.h>

using namespace aws::lambda_runtime;

static std::string g_last_id;  // expect: warning sls-global-mutable-state
static char g_line[128];       // expect: warning sls-global-mutable-state
static std::string g_mode;     // expect: warning sls-global-mutable-state

static void keep(const std::string& id) {
  g_last_id = id;  // expect: error sls-request-state-in-global
}

static void format_into(char* out, std::size_t size, const char* what) { std::snprintf(out, size, "<%s>", what); }

static const char* mode_of(int flags) { return flags ? "fast" : "slow"; }

int main() {
  run_handler([](const invocation_request& req) {
    std::string id = req.request_id;
    keep(id);
    char line[64];
    format_into(line, sizeof line, req.payload);
    std::strcpy(g_line, line);  // expect: error sls-request-state-in-global
    g_mode = mode_of(1);        // not request data
    return invocation_response::success("ok", "text/plain");
  });
  return 0;
}

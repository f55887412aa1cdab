// Given credentials read at init through an environment helper, from a
// mounted secrets file, or by main before run_handler, we should report the
// read; names that are not credentials and reads per request stay clean.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <aws/lambda-runtime/runtime.h>

static std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

static std::string slurp(const char* path) {
  std::FILE* file = std::fopen(path, "r");
  if (file) std::fclose(file);
  return path;
}

static std::string g_api_token = env_or_empty("SEARCH_API_TOKEN");  // expect: warning sls-ephemeral-data-at-init; note sls-global-mutable-state
static std::string g_region = env_or_empty("AWS_REGION");  // expect: note sls-global-mutable-state
static std::string g_prefix = env_or_empty("CACHE_KEY_PREFIX");  // expect: note sls-global-mutable-state
static std::string g_relay_key = slurp("/run/secrets/relay_key");  // expect: warning sls-ephemeral-data-at-init; note sls-global-mutable-state
static std::string g_access;  // expect: note sls-global-mutable-state

static aws::lambda_runtime::invocation_response handler(const aws::lambda_runtime::invocation_request& request) {
  std::string key = env_or_empty("SIGNING_KEY");  // per request: fresh
  return aws::lambda_runtime::invocation_response::success((key + g_access).c_str(), "text/plain");
}

int main() {
  if (const char* v = std::getenv("AWS_ACCESS_KEY_ID")) g_access = v;  // expect: warning sls-ephemeral-data-at-init
  const char* pw = std::getenv("DB_PASSWORD");  // expect: warning sls-ephemeral-data-at-init
  aws::lambda_runtime::run_handler(handler);
  return pw != nullptr;
}

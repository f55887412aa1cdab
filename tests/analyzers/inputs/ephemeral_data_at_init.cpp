// Given credentials read at init and per request, we should report the
// init-time reads that are never refreshed.
#include <cstdlib>
#include <string>

#include <aws/lambda-runtime/runtime.h>

static std::string fetch_token(const char* audience) { return audience; }
static std::string get_db_secret() { return "s"; }

static const char* g_session = std::getenv("AWS_SESSION_TOKEN");        // expect: warning sls-ephemeral-data-at-init; note sls-global-mutable-state
static std::string g_api_token = fetch_token("api");                   // expect: warning sls-ephemeral-data-at-init; note sls-global-mutable-state
static std::string g_refreshed = fetch_token("db");                    // refreshed  // expect: warning sls-global-mutable-state
static const char* g_region = std::getenv("AWS_REGION");               // not a credential  // expect: note sls-global-mutable-state
static const char* g_password = std::getenv("DB_PASSWORD");            // rotated by the secrets manager  // expect: warning sls-ephemeral-data-at-init; note sls-global-mutable-state

static aws::lambda_runtime::invocation_response handler(const aws::lambda_runtime::invocation_request& request) {
  g_refreshed = fetch_token("db");
  std::string per_request = get_db_secret();                           // per request: fresh
  const char* token = std::getenv("OAUTH_TOKEN");                      // per request: fresh
  return aws::lambda_runtime::invocation_response::success(token ? token : "", "text/plain");
}

int main() {
  std::string secret = get_db_secret();                                // expect: warning sls-ephemeral-data-at-init
  aws::lambda_runtime::run_handler(handler);
  return static_cast<int>(secret.size() + (g_session != nullptr) + g_api_token.size() + (g_region != nullptr) +
                          (g_password != nullptr));
}

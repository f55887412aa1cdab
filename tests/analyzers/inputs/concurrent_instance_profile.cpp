// lint-profile: concurrent-instance
// Given the concurrent-instance profile, we should report global mutable
// state as an error: requests running side by side share it.
#include <sls/function.hpp>

static int g_in_flight = 0;  // expect: error sls-global-mutable-state
static const int k_max = 4;

sls::Response handle(const sls::Request& request, sls::Context& context) {
  ++g_in_flight;
  return sls::Response::text(200, g_in_flight > k_max ? "busy" : "ok");
}
SLS_HANDLER(handle)

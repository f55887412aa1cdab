// GET /api/visits -> how many requests this instance has served.
//
// The counter lives in a global, so it survives between invocations served by
// the same warm instance and restarts from zero on every new one: each
// instance counts only its own requests. That is the warm-start behaviour
// sls lint warns about; keep shared counts in a database instead.
#include <sls/function.hpp>

static int g_visits = 0;

sls::Response count_visit(const sls::Request&, sls::Context&) {
  ++g_visits;
  return sls::Response::text(200, "visits on this instance: " + std::to_string(g_visits));
}
SLS_HANDLER(count_visit)

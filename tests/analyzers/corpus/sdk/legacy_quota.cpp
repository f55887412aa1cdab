// Quota check ported from the old monolith. The counters are per instance on
// purpose (a soft limit); the shared limit lives in the gateway.
#include <sls/function.hpp>

#include <cstdlib>
#include <map>
#include <string>

namespace {

// NOLINTBEGIN(sls-global-mutable-state)
int soft_limit = 1000;
long served = 0;
// NOLINTEND(sls-global-mutable-state)

std::map<std::string, int> per_tenant;  // NOLINT

// NOLINTNEXTLINE(sls-global-mutable-state)
unsigned long seed = 12345;

int jitter() {
  return rand_r(reinterpret_cast<unsigned*>(&seed)) % 50;  // NOLINT(sls-userspace-prng)
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string tenant = req.header("x-tenant");
  if (tenant.empty()) return sls::Response::text(400, "tenant required");
  if (const char* limit = std::getenv("SOFT_LIMIT")) soft_limit = std::atoi(limit);
  ++served;
  int& used = per_tenant[tenant];  // NOLINT
  ++used;
  const bool over = used > soft_limit + jitter();
  return sls::Response::json(over ? 429 : 200, "{\"used\":" + std::to_string(used) + ",\"served\":" + std::to_string(served) + "}");
}

SLS_HANDLER(handle)

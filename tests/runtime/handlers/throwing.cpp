// Throws when asked to, with a standard and a user-defined exception type, so the tests can check
// the error report's errorType and that the process keeps serving afterwards. Native only.
#include <sls/function.hpp>

#include <stdexcept>

namespace app {
struct QuotaExceeded {};
}  // namespace app

sls::Response maybe_throw(const sls::Request& req, sls::Context&) {
  if (req.query("fail") == "std") throw std::runtime_error("boom from the handler");
  if (req.query("fail") == "custom") throw app::QuotaExceeded{};
  return sls::Response::text(200, "fine");
}

SLS_HANDLER(maybe_throw)

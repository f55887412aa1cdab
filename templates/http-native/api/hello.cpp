// GET /api/hello?name=Ada -> "hello Ada"
//
// One file under api/ is one function; its path is its route. Keep per-request data in locals:
// an instance is frozen between invocations and reused, so globals outlive the request.
#include <sls/function.hpp>

#include <string>

sls::Response handle(const sls::Request& req, sls::Context&) {
  std::string name = req.query("name");
  return sls::Response::text(200, "hello " + (name.empty() ? std::string("world") : name));
}
SLS_HANDLER(handle)

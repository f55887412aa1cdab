// GET /api/hello?name=Ada -> "hello Ada"
#include <sls/function.hpp>

sls::Response handle(const sls::Request& req, sls::Context&) {
  std::string name = req.query("name");
  return sls::Response::text(200, "hello " + (name.empty() ? std::string("world") : name));
}
SLS_HANDLER(handle)

// POST /api/echo -> the request body back, with its content type and length.
#include <sls/function.hpp>

sls::Response echo(const sls::Request& req, sls::Context&) {
  if (req.method() != "POST") {
    sls::Response response = sls::Response::text(405, "use POST\n");
    response.set_header("allow", "POST");
    return response;
  }
  std::string type = req.header("Content-Type");
  sls::Response response;
  response.status = 200;
  response.body = req.body();
  response.set_header("content-type", type.empty() ? "application/octet-stream" : type);
  response.set_header("x-body-length", std::to_string(req.body().size()));
  return response;
}
SLS_HANDLER(echo)

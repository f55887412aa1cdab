// POST /api/echo -> the request body back, with what the function saw.
//   sls invoke api/echo -X POST -d '{"a":1}' -H 'Content-Type: application/json'
// Any other method gets 405 and an Allow header.
#include <sls/function.hpp>

#include <string>

sls::Response echo(const sls::Request& req, sls::Context&) {
  if (req.method() != "POST") {
    sls::Response response = sls::Response::text(405, "use POST\n");
    response.set_header("allow", "POST");
    return response;
  }
  std::string type = req.header("content-type");
  sls::Response response{200, {}, req.body()};
  response.set_header("content-type", type.empty() ? "application/octet-stream" : type);
  response.set_header("x-echo-length", std::to_string(req.body().size()));
  return response;
}
SLS_HANDLER(echo)

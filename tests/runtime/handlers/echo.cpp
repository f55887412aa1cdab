// Reports everything the SDK exposes, one "key=value" line each, so a test can check how the glue
// decoded a request. Used for the native (Lambda and CGI) and wasm builds alike.
#include <sls/function.hpp>

#include <cstdlib>
#include <string>

namespace {
std::string list(const sls::Fields& fields) {
  std::string out;
  for (const auto& [name, value] : fields) out += "[" + name + "=" + value + "]";
  return out;
}

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}
}  // namespace

sls::Response echo(const sls::Request& req, sls::Context& ctx) {
  if (req.query("binary") == "1") {  // raw bytes back, to exercise base64 on the way out
    sls::Response raw{200, {{"content-type", "application/octet-stream"}}, req.body()};
    return raw;
  }
  std::string text;
  text += "method=" + req.method() + "\n";
  text += "path=" + req.path() + "\n";
  text += "name=" + req.query("name") + "\n";
  text += "query=" + list(req.query_params()) + "\n";
  text += "x-test=" + req.header("X-Test") + "\n";
  text += "cookie=" + req.header("cookie") + "\n";
  text += "content-type=" + req.header("Content-Type") + "\n";
  text += "id=" + req.param("id") + "\n";
  text += "params=" + list(req.params()) + "\n";
  text += "body=" + req.body() + "\n";
  text += "request_id=" + ctx.request_id() + "\n";
  text += "function=" + ctx.function_name() + "\n";
  text += "region=" + ctx.region() + "\n";
  text += "trace=" + env("_X_AMZN_TRACE_ID") + "\n";
  text += "has_time=" + std::string(ctx.remaining_time().count() > 0 ? "yes" : "no") + "\n";
  auto response = sls::Response::text(req.query("status").empty() ? 200 : std::atoi(req.query("status").c_str()),
                                      text);
  response.set_header("x-echo", "yes");
  response.headers.emplace_back("set-cookie", "a=1");
  response.headers.emplace_back("set-cookie", "b=2");
  return response;
}

SLS_HANDLER(echo)

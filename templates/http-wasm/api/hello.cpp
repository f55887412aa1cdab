// GET /api/hello?name=Ada -> {"hello":"Ada"}
//
// The same source builds for native and wasm. wasm32-wasi has no exceptions, threads or sockets,
// so this function uses none; prefer <cstdio> over <iostream> to keep the module small.
#include <sls/function.hpp>

#include <string>

namespace {

// Escapes the few characters JSON strings cannot hold as they are.
std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  std::string name = req.query("name");
  return sls::Response::json(200, "{\"hello\":" + json_string(name.empty() ? "world" : name) + "}");
}
SLS_HANDLER(handle)

// A tiny stand-in for sdk/include/sls/function.hpp: the same names and the
// same SLS_HANDLER expansion, none of the weight, so analyzer tests stay fast.
#pragma once

namespace sls {
struct Request {
  const char* body() const;
  const char* query(const char* name) const;
  const char* header(const char* name) const;
  const char* path() const;
};
struct Response {
  static Response text(int status, const char* body);
};
struct Context {
  long remaining_ms() const;
};
const char* asset(const char* path);
namespace detail {
Response invoke_handler(const Request& r, Context& c);
}
}  // namespace sls

#define SLS_HANDLER(fn) \
  sls::Response sls::detail::invoke_handler(const sls::Request& r, sls::Context& c) { return fn(r, c); }

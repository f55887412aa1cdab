// The HTTP response a handler returns. A plain struct: set the fields or use the helpers.
// Include guards, not #pragma once: see function.hpp.
#ifndef SLS_RESPONSE_HPP
#define SLS_RESPONSE_HPP

#include <string>
#include <string_view>

#include <sls/fields.hpp>

namespace sls {

struct Response {
  int status = 200;
  Fields headers;    // sent in this order; repeated names allowed (set-cookie)
  std::string body;  // raw bytes

  // Replaces every header called `name` (case-insensitively) with one `name: value`.
  Response& set_header(std::string_view name, std::string value);

  static Response text(int status, std::string body);  // text/plain; charset=utf-8
  static Response json(int status, std::string body);  // application/json
  static Response html(int status, std::string body);  // text/html; charset=utf-8
};

}  // namespace sls

#endif  // SLS_RESPONSE_HPP

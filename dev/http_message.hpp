#pragma once
// HTTP requests and responses as the dev server passes them around: plain data, header names in
// lower case (HTTP/1.1 names are case-insensitive, and Lambda's HTTP API v2 events use lower case).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sls::dev {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // "GET"
  std::string target;  // as sent: "/api/hello?name=Ada"
  HeaderList headers;  // names lower-cased, in the order received
  std::string body;
  std::string remote_address;  // "127.0.0.1"

  std::string path() const;   // the target up to '?', still percent-encoded
  std::string query() const;  // after '?', raw; empty when there is none
  // The first value of `name` (lower case), or empty.
  std::string header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  HeaderList headers;  // may repeat a name (set-cookie)
  std::string body;

  static HttpResponse text(int status, std::string body);
  // The first value of `name` (compared case-insensitively), or empty.
  std::string header(std::string_view name) const;
};

std::string lower_case(std::string text);

// A function's configured cache_control, added as the edge would: only to a
// response below 400 that set no Cache-Control of its own.
void add_default_cache_control(HttpResponse& response, const std::string& cache_control);

// "Not Found" for 404; "Unknown" for a code without a standard phrase.
std::string_view reason_phrase(int status);

// The status line, the headers (plus content-length and connection: close, which the server
// owns) and, unless `head_only`, the body.
std::string serialize_response(const HttpResponse& response, bool head_only);

}  // namespace sls::dev

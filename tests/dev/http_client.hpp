#pragma once
// A small HTTP/1.1 client for the dev server tests: one request per connection to 127.0.0.1,
// read to the end (the server closes), every wait bounded.

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sls::testing {

struct HttpAnswer {
  int status = 0;                                            // 0: no answer (refused, timed out, malformed)
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string error;  // why status is 0

  std::string header(const std::string& name) const;
};

struct HttpCall {
  std::string method = "GET";
  std::string target = "/";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::chrono::milliseconds timeout{10'000};
};

HttpAnswer http_call(std::uint16_t port, const HttpCall& call);
HttpAnswer http_get(std::uint16_t port, const std::string& target);

// Sends `raw` bytes as they are and returns the answer (for malformed-request tests).
HttpAnswer http_raw(std::uint16_t port, const std::string& raw,
                    std::chrono::milliseconds timeout = std::chrono::seconds(5));

// Whether anything accepts connections on the port.
bool port_is_open(std::uint16_t port);

}  // namespace sls::testing

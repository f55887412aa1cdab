// The four calls of the AWS Lambda Runtime API (version 2018-06-01), over HttpClient.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "http_client.hpp"

namespace sls::runtime {

struct Invocation {
  std::string request_id;    // Lambda-Runtime-Aws-Request-Id
  std::string function_arn;  // Lambda-Runtime-Invoked-Function-Arn
  std::string trace_id;      // Lambda-Runtime-Trace-Id
  std::chrono::system_clock::time_point deadline = std::chrono::system_clock::time_point::max();
  std::string event;  // the body: the event JSON
};

struct ErrorReport {
  std::string type;     // errorType, also sent as Lambda-Runtime-Function-Error-Type
  std::string message;  // errorMessage
};

class RuntimeApiClient {
public:
  explicit RuntimeApiClient(HttpClient http) : m_http(std::move(http)) {}

  // Blocks until the platform has work. nullopt (with `error` set) when the API is unreachable or
  // the answer has no request id: the runtime cannot go on.
  std::optional<Invocation> next(std::string& error);
  bool post_response(std::string_view request_id, std::string_view response_json);
  bool post_error(std::string_view request_id, const ErrorReport& report);
  bool post_init_error(const ErrorReport& report);

private:
  bool post_report(const std::string& target, const ErrorReport& report);

  HttpClient m_http;
};

}  // namespace sls::runtime

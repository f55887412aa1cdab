// A tiny stand-in for aws-lambda-cpp's <aws/lambda-runtime/runtime.h>: the
// public API the corpus uses, with the real signatures (the handler is taken as
// a std::function, as in the library).
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace aws::lambda_runtime {

struct invocation_request {
  std::string payload;            // the event, as JSON text
  std::string request_id;         // the AWS request id of this invocation
  std::string xray_trace_id;
  std::string client_context;
  std::string cognito_identity;
  std::string function_arn;
  std::chrono::time_point<std::chrono::system_clock> deadline;
  std::chrono::milliseconds get_time_remaining() const;
};

class invocation_response {
 public:
  invocation_response(std::string const& payload, std::string const& content_type, bool success);
  static invocation_response success(std::string const& payload, std::string const& content_type);
  static invocation_response failure(std::string const& error_message, std::string const& error_type);
  bool is_success() const;
  std::string const& get_payload() const;
  std::string const& get_content_type() const;

 private:
  std::string m_payload;
  std::string m_content_type;
  bool m_success;
};

struct run_handler_options;

void run_handler(std::function<invocation_response(invocation_request const&)> const& handler);

}  // namespace aws::lambda_runtime

// A tiny stand-in for aws-lambda-cpp's <aws/lambda-runtime/runtime.h>.
#pragma once

namespace aws::lambda_runtime {
struct invocation_request {
  const char* payload;
  const char* request_id;
};
struct invocation_response {
  static invocation_response success(const char* payload, const char* content_type);
  static invocation_response failure(const char* message, const char* type);
};
// The real header takes std::function<invocation_response(invocation_request const&)>.
struct handler_function {
  template <typename F>
  handler_function(F&&) {}
};
void run_handler(const handler_function& handler);
}  // namespace aws::lambda_runtime

// Init once, then next -> handle -> respond, forever. Everything outside the handler call is init
// state the platform keeps across warm invocations, which is exactly what the function's own
// globals get too.
#include "runtime_api_loop.hpp"

#include <cstdio>
#include <cstdlib>
#include <optional>

#include "../common/exception_info.hpp"
#include "lambda_event.hpp"
#include "runtime_api_client.hpp"

namespace sls::runtime {

namespace {
struct FunctionIdentity {
  std::string name;
  std::string region;
};

// AWS reads _X_AMZN_TRACE_ID per invocation (X-Ray SDKs); an invocation without one must not
// inherit the previous invocation's id.
void set_trace_id(const std::string& trace_id) {
  if (trace_id.empty())
    ::unsetenv("_X_AMZN_TRACE_ID");
  else
    ::setenv("_X_AMZN_TRACE_ID", trace_id.c_str(), 1);
}

// Runs the handler; an escaping exception becomes the error report Lambda expects.
std::optional<Response> call_handler(const HandlerBinding& binding, const Request& request, Context& context,
                                     ErrorReport& failure) {
  try {
    return binding.handler(request, context);
  } catch (...) {
    const auto error = describe_current_exception();
    std::fprintf(stderr, "sls: handler threw %s: %s\n", error.type.c_str(), error.message.c_str());
    failure = {error.type, error.message};
    return std::nullopt;
  }
}

void serve(RuntimeApiClient& client, const Invocation& invocation, const HandlerBinding& binding,
           const FunctionIdentity& identity) {
  set_trace_id(invocation.trace_id);
  const auto parsed = request_from_event(invocation.event, binding.info);
  if (!parsed.request) {
    client.post_error(invocation.request_id, {"Runtime.MalformedEvent", parsed.error});
    return;
  }
  Context context(invocation.request_id, invocation.deadline, identity.name, identity.region);
  ErrorReport failure;
  auto response = call_handler(binding, *parsed.request, context, failure);
  if (!response) {
    client.post_error(invocation.request_id, failure);
    return;
  }
  finalize_response(*response);
  client.post_response(invocation.request_id, response_to_event_json(*response));
}
}  // namespace

int run_runtime_api_loop(std::string_view runtime_api, const HandlerBinding& binding) {
  auto http = HttpClient::from_host_port(runtime_api);
  if (!http) {
    std::fprintf(stderr, "sls: AWS_LAMBDA_RUNTIME_API is not host:port: %.*s\n", static_cast<int>(runtime_api.size()),
                 runtime_api.data());
    return 1;
  }
  RuntimeApiClient client(std::move(*http));
  if (!binding.registered()) {
    std::fprintf(stderr, "sls: %s\n", k_missing_handler_message);
    client.post_init_error({"Runtime.NoHandler", k_missing_handler_message});
    return 1;
  }
  const FunctionIdentity identity{resolve_function_name(std::getenv("AWS_LAMBDA_FUNCTION_NAME"), binding.info),
                                  resolve_region(std::getenv("AWS_REGION"), std::getenv("AWS_DEFAULT_REGION"))};
  for (;;) {
    std::string error;
    const auto invocation = client.next(error);
    if (!invocation) {
      std::fprintf(stderr, "sls: cannot get the next invocation: %s\n", error.c_str());
      return 1;
    }
    serve(client, *invocation, binding, identity);
  }
}

}  // namespace sls::runtime

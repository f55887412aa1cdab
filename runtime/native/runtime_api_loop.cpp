// Init once, then next -> handle -> respond, forever. Everything outside the handler call is init
// state the platform keeps across warm invocations, which is exactly what the function's own
// globals get too.
//
// Lambda Managed Instances run several requests at once in one execution environment: the
// platform sets AWS_LAMBDA_MAX_CONCURRENCY and the runtime runs that many independent workers,
// each a thread with its own long-poll on /next and one request in flight. The handler then runs
// on several threads at once, sharing the function's globals; that is what the platform does and
// what the concurrent-instance lint profile warns about.
#include "runtime_api_loop.hpp"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <thread>
#include <vector>

#include "../common/exception_info.hpp"
#include "lambda_event.hpp"
#include "runtime_api_client.hpp"

namespace sls::runtime {

namespace {
struct FunctionIdentity {
  std::string name;
  std::string region;
};

// Whether the worker may publish the trace id in the environment: setenv while other threads read
// the environment is a data race, so concurrent workers leave it to the Lambda-Runtime-Trace-Id
// header, as the platform does for multi-concurrent runtimes.
enum class TraceIdInEnvironment { Set, Leave };

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
           const FunctionIdentity& identity, TraceIdInEnvironment trace) {
  if (trace == TraceIdInEnvironment::Set) set_trace_id(invocation.trace_id);
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

// One worker: next -> handle -> respond until the API cannot be reached; returns the exit code.
int serve_forever(RuntimeApiClient client, const HandlerBinding& binding, const FunctionIdentity& identity,
                  TraceIdInEnvironment trace) {
  for (;;) {
    std::string error;
    const auto invocation = client.next(error);
    if (!invocation) {
      std::fprintf(stderr, "sls: cannot get the next invocation: %s\n", error.c_str());
      return 1;
    }
    serve(client, *invocation, binding, identity, trace);
  }
}

// AWS_LAMBDA_MAX_CONCURRENCY as a worker count: 1 when unset, not a number, or at most 1.
int worker_count(const char* max_concurrency) {
  if (max_concurrency == nullptr) return 1;
  char* end = nullptr;
  const long count = std::strtol(max_concurrency, &end, 10);
  if (end == max_concurrency || *end != '\0' || count <= 1) return 1;
  return count > 1024 ? 1024 : static_cast<int>(count);
}

// Several workers side by side. A worker that cannot reach the API ends the whole process, as a
// failing sequential loop does: the platform then replaces the execution environment.
int run_concurrent_workers(const HttpClient& http, int count, const HandlerBinding& binding,
                           const FunctionIdentity& identity) {
  std::vector<std::thread> workers;
  for (int i = 0; i < count; ++i) {
    workers.emplace_back([&http, &binding, &identity] {
      const int code = serve_forever(RuntimeApiClient(http), binding, identity, TraceIdInEnvironment::Leave);
      std::fflush(nullptr);
      std::_Exit(code);
    });
  }
  for (std::thread& worker : workers) worker.join();
  return 1;
}
}  // namespace

int run_runtime_api_loop(std::string_view runtime_api, const HandlerBinding& binding) {
  auto http = HttpClient::from_host_port(runtime_api);
  if (!http) {
    std::fprintf(stderr, "sls: AWS_LAMBDA_RUNTIME_API is not host:port: %.*s\n", static_cast<int>(runtime_api.size()),
                 runtime_api.data());
    return 1;
  }
  if (!binding.registered()) {
    std::fprintf(stderr, "sls: %s\n", k_missing_handler_message);
    RuntimeApiClient(*http).post_init_error({"Runtime.NoHandler", k_missing_handler_message});
    return 1;
  }
  const FunctionIdentity identity{resolve_function_name(std::getenv("AWS_LAMBDA_FUNCTION_NAME"), binding.info),
                                  resolve_region(std::getenv("AWS_REGION"), std::getenv("AWS_DEFAULT_REGION"))};
  const int workers = worker_count(std::getenv("AWS_LAMBDA_MAX_CONCURRENCY"));
  if (workers > 1) return run_concurrent_workers(*http, workers, binding, identity);
  return serve_forever(RuntimeApiClient(std::move(*http)), binding, identity, TraceIdInEnvironment::Set);
}

}  // namespace sls::runtime

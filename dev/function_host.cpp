#include "dev/function_host.hpp"

#include <nlohmann/json.hpp>

#include "bundler/inspect/local_invoke.hpp"
#include "dev/lambda_event.hpp"
#include "dev/native_instance.hpp"

namespace sls::dev {
namespace {

std::string error_summary(const InvocationOutcome& outcome) {
  nlohmann::json report = nlohmann::json::parse(outcome.body, nullptr, false);
  std::string message = report.is_object() ? report.value("errorMessage", "") : "";
  return outcome.error_type + (message.empty() ? "" : ": " + message);
}

PoolSettings pool_settings(const InspectedBundle& bundle, const HostSettings& settings) {
  return {settings.max_instances, std::max(1, bundle.concurrency),
          std::chrono::seconds(bundle.max_duration_s > 0 ? bundle.max_duration_s : 10), settings.idle_timeout};
}

InstanceFactory native_factory(std::shared_ptr<const InspectedBundle> bundle) {
  return [bundle](int number) -> Expected<std::unique_ptr<Instance>> {
    auto started = NativeInstance::start(*bundle, bundle->function + "#" + std::to_string(number));
    if (!started) return started.error();
    return std::unique_ptr<Instance>(std::move(*started));
  };
}

class NativeHost final : public FunctionHost {
public:
  NativeHost(std::shared_ptr<const InspectedBundle> bundle, const HostSettings& settings)
      : m_name(bundle->function),
        m_settings(settings),
        m_pool(bundle->function, pool_settings(*bundle, settings), native_factory(bundle)) {}

  HostedResponse serve(const HttpRequest& request, const RouteMatch& match) override {
    EventContext context{new_request_id(), match.params, std::chrono::system_clock::now()};
    ServedInvocation served = m_pool.invoke(http_api_event(request, context));
    HostedResponse hosted{response_for_outcome(served.outcome), m_name + "#" + std::to_string(served.instance_number),
                          served.cold, ""};
    if (served.outcome.kind != InvocationOutcome::Kind::Response) hosted.problem = error_summary(served.outcome);
    return hosted;
  }

  void replace(std::shared_ptr<const InspectedBundle> bundle) override {
    m_pool.replace(pool_settings(*bundle, m_settings), native_factory(bundle));
  }

  std::vector<std::string> evict_idle(std::chrono::steady_clock::time_point now) override {
    std::vector<std::string> labels;
    for (int number : m_pool.evict_idle(now)) labels.push_back(m_name + "#" + std::to_string(number));
    return labels;
  }

private:
  std::string m_name;
  HostSettings m_settings;
  InstancePool m_pool;
};

// The runner of one wasm request: the host process gets the function's max_duration.
class DeadlineRunner final : public ProcessRunner {
public:
  explicit DeadlineRunner(std::chrono::milliseconds limit) : m_limit(limit) {}
  Expected<ProcessResult> run(const ProcessSpec& spec) override {
    ProcessSpec limited = spec;
    limited.timeout = m_limit;
    auto result = m_system.run(limited);
    if (result && result->timed_out) m_timed_out = true;
    return result;
  }
  bool timed_out() const { return m_timed_out; }

private:
  SystemProcessRunner m_system;
  std::chrono::milliseconds m_limit;
  bool m_timed_out = false;
};

LocalRequest local_request(const HttpRequest& request) {
  LocalRequest local{request.method, request.target, {}, request.body};
  for (const auto& [name, value] : request.headers) local.headers.emplace_back(name, value);
  return local;
}

class WasmHost final : public FunctionHost {
public:
  explicit WasmHost(std::shared_ptr<const InspectedBundle> bundle) : m_bundle(std::move(bundle)) {}

  HostedResponse serve(const HttpRequest& request, const RouteMatch&) override {
    std::shared_ptr<const InspectedBundle> bundle = current();
    std::chrono::seconds limit(bundle->max_duration_s > 0 ? bundle->max_duration_s : 10);
    DeadlineRunner runner(limit);
    auto answer = invoke_bundle(*bundle, local_request(request), runner);
    HostedResponse hosted{{}, bundle->function + "#wagi", true, ""};
    if (runner.timed_out()) {
      hosted.response = response_for_outcome({InvocationOutcome::Kind::TimedOut, "", ""});
      hosted.problem = "timed out after " + std::to_string(limit.count()) + " s";
    } else if (!answer) {
      hosted.response = HttpResponse::text(502, "the function failed: " + answer.error().message + "\n");
      hosted.problem = answer.error().message.substr(0, answer.error().message.find('\n'));
    } else {
      hosted.response = {answer->status, {}, std::move(answer->body)};
      for (auto& header : answer->headers) hosted.response.headers.push_back(std::move(header));
    }
    return hosted;
  }

  void replace(std::shared_ptr<const InspectedBundle> bundle) override {
    std::lock_guard lock(m_mutex);
    m_bundle = std::move(bundle);
  }

  std::vector<std::string> evict_idle(std::chrono::steady_clock::time_point) override { return {}; }

private:
  std::shared_ptr<const InspectedBundle> current() {
    std::lock_guard lock(m_mutex);
    return m_bundle;
  }

  std::mutex m_mutex;
  std::shared_ptr<const InspectedBundle> m_bundle;
};

}  // namespace

std::unique_ptr<FunctionHost> make_function_host(std::shared_ptr<const InspectedBundle> bundle,
                                                 const HostSettings& settings) {
  if (bundle->target == "wasm") return std::make_unique<WasmHost>(std::move(bundle));
  return std::make_unique<NativeHost>(std::move(bundle), settings);
}

HttpResponse response_for_outcome(const InvocationOutcome& outcome) {
  using Kind = InvocationOutcome::Kind;
  switch (outcome.kind) {
    case Kind::Response:
      return response_from_payload(outcome.body);
    case Kind::TimedOut:
      return {504, {{"content-type", "application/json"}}, R"({"message":"Endpoint request timed out"})"};
    case Kind::FunctionError:
    case Kind::InitError:
    case Kind::Exited:
      break;
  }
  return {502, {{"content-type", "application/json"}}, R"({"message":"Internal Server Error"})"};
}

}  // namespace sls::dev

#pragma once
// One function as `sls dev` runs it, behind one interface for both targets: a native function
// through its instance pool and the Lambda Runtime API (events in, payloads out), a wasm function
// through WAGI, one module instance per request as a WAGI host runs it (local_invoke.hpp).

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "bundler/inspect/inspect.hpp"
#include "dev/http_message.hpp"
#include "dev/instance_pool.hpp"
#include "dev/router.hpp"

namespace sls::dev {

struct HostSettings {
  int max_instances = 1;
  std::chrono::milliseconds idle_timeout{300'000};
};

struct HostedResponse {
  HttpResponse response;
  std::string instance;  // "api/visits#2", for the access log
  bool cold = false;
  std::string problem;  // why the function did not answer (an error, a timeout), for the log
};

class FunctionHost {
public:
  virtual ~FunctionHost() = default;
  virtual HostedResponse serve(const HttpRequest& request, const RouteMatch& match) = 0;
  // A new bundle after a rebuild: new requests go to instances of it.
  virtual void replace(std::shared_ptr<const InspectedBundle> bundle) = 0;
  // Instances idle too long are stopped; returns their labels.
  virtual std::vector<std::string> evict_idle(std::chrono::steady_clock::time_point now) = 0;
};

std::unique_ptr<FunctionHost> make_function_host(std::shared_ptr<const InspectedBundle> bundle,
                                                 const HostSettings& settings);

// How API Gateway answers for an invocation that did not return a payload: 502 when the function
// failed (an error report, a crash, a failed start), 504 when it ran past max_duration.
HttpResponse response_for_outcome(const InvocationOutcome& outcome);

}  // namespace sls::dev

// The native bootstrap's Lambda mode: one process serves invocations until the platform stops it.
#pragma once

#include <string_view>

#include "../common/invocation.hpp"

namespace sls::runtime {

// `runtime_api` is AWS_LAMBDA_RUNTIME_API ("host:port"). Returns only on failure: a bad address,
// a missing handler (reported to /runtime/init/error) or an unreachable API; the result is the
// process exit code. With AWS_LAMBDA_MAX_CONCURRENCY above 1 it runs that many workers, each on
// its own thread with its own /next long-poll (Lambda Managed Instances).
int run_runtime_api_loop(std::string_view runtime_api, const HandlerBinding& binding);

}  // namespace sls::runtime

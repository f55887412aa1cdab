#pragma once
// The environment Lambda gives a provided.al2023 bootstrap, for one local instance: nothing of
// the developer's shell leaks in (as on the platform), only the Runtime API address, the
// function's identity and settings, and the function's own `env` from sls.toml.

#include <filesystem>
#include <map>
#include <string>

#include "bundler/inspect/inspect.hpp"

namespace sls::dev {

// AWS_LAMBDA_RUNTIME_API, _HANDLER, LAMBDA_TASK_ROOT, AWS_LAMBDA_FUNCTION_NAME,
// AWS_LAMBDA_FUNCTION_MEMORY_SIZE, AWS_REGION (and the rest Lambda sets), plus
// AWS_LAMBDA_MAX_CONCURRENCY when the function serves several requests at once.
std::map<std::string, std::string> lambda_environment(const InspectedBundle& bundle, const std::string& runtime_api,
                                                      const std::filesystem::path& task_root);

// An AWS region for an sls region code ("iad1" -> "us-east-1"); unknown codes are kept as they are.
std::string aws_region_for(const std::string& sls_region);

}  // namespace sls::dev

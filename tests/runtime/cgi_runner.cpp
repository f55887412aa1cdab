#include "cgi_runner.hpp"

#include <nlohmann/json.hpp>

#include "built_functions.hpp"

namespace sls::test {

namespace {
constexpr auto k_timeout = std::chrono::seconds(30);
}

ProcessResult run_cgi_native(const BuildResult& build, const Env& env, const std::string& body) {
  return run_process({{build.artifact.string()}, env, body, {}}, BuiltFunctions::scratch(), k_timeout);
}

ProcessResult run_cgi_wasm(const BuildResult& build, const Env& env, const std::string& body,
                           const std::string& argv0) {
  nlohmann::json env_json = nlohmann::json::object();
  for (const auto& [name, value] : env) env_json[name] = value;
  const auto runner = std::filesystem::path(SLS_SOURCE_DIR) / "tests" / "runtime" / "wagi_runner.mjs";
  ProcessSpec spec{{"node", "--no-warnings", runner.string(), build.artifact.string(), argv0, env_json.dump()},
                   inherited_env(),
                   body,
                   {}};
  return run_process(spec, BuiltFunctions::scratch(), k_timeout);
}

}  // namespace sls::test

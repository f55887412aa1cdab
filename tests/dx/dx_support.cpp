#include "tests/dx/dx_support.hpp"

#include <gtest/gtest.h>

#include "core/file_system.hpp"

namespace sls::dx {

const std::vector<std::string>& template_names() {
  static const std::vector<std::string> names = {"http-c", "http-native", "http-wasm", "stateful-redis", "static-site"};
  return names;
}

void init_project(const fs::path& dir, const std::string& template_name) {
  SlsRun init = run_sls({"init", dir.string(), "--template", template_name});
  ASSERT_EQ(init.exit_code, 0) << init.err;
}

ProcessResult run(const std::vector<std::string>& argv, const fs::path& cwd,
                  const std::map<std::string, std::string>& extra_env) {
  auto env = current_environment();
  for (const auto& [name, value] : extra_env) env[name] = value;
  SystemProcessRunner runner;
  auto result = runner.run({argv, env, {}, cwd});
  return result ? *result : ProcessResult{127, "", result.error().message};
}

fs::path cmake_binary() { return SLS_CMAKE_COMMAND; }
fs::path build_dir() { return SLS_BUILD_DIR; }

}  // namespace sls::dx

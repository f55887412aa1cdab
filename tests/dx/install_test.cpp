// `cmake --install` into a temporary prefix: the installed sls finds its SDK,
// glue, templates and lint engine relative to itself, from any folder.

#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/dx/dx_support.hpp"

namespace sls::dx {
namespace {

// The environment of a user who has sls on PATH and no SLS_SHARE_DIR.
std::map<std::string, std::string> installed_environment(const fs::path& prefix) {
  auto env = current_environment();
  env.erase("SLS_SHARE_DIR");
  env["PATH"] = (prefix / "bin").string() + ":" + env["PATH"];
  return env;
}

ProcessResult run_with(const std::vector<std::string>& argv, const fs::path& cwd,
                       const std::map<std::string, std::string>& env) {
  SystemProcessRunner runner;
  auto result = runner.run({argv, env, {}, cwd});
  return result ? *result : ProcessResult{127, "", result.error().message};
}

TEST(InstallTest, InstalledSlsBuildsATemplateProjectFromAnotherFolder) {
  // Given an install into a temporary prefix, its sls should init, build and invoke a project elsewhere.
  TempDir temp("sls-dx-install");
  fs::path prefix = temp.path() / "prefix";
  ProcessResult install =
      run({cmake_binary().string(), "--install", build_dir().string(), "--prefix", prefix.string()});
  ASSERT_EQ(install.exit_code, 0) << install.stdout_data << install.stderr_data;
  for (const char* file : {"bin/sls", "lib/sls/libsls-lint-engine.so", "share/sls/sdk/include/sls/function.hpp",
                           "share/sls/runtime/native/main.cpp", "share/sls/templates/http-native/api/hello.cpp",
                           "share/sls/templates/http-native/.sls-template"})
    EXPECT_TRUE(fs::exists(prefix / file)) << file;

  fs::path work = temp.path() / "work";
  fs::create_directories(work);
  auto env = installed_environment(prefix);
  env["SLS_CACHE_DIR"] = (temp.path() / "cache").string();  // the installed glue is compiled afresh
  std::string sls = (prefix / "bin/sls").string();
  ProcessResult init = run_with({sls, "init", "app"}, work, env);
  ASSERT_EQ(init.exit_code, 0) << init.stderr_data;
  ProcessResult build = run_with({sls, "build", "-j", "2"}, work / "app", env);
  ASSERT_EQ(build.exit_code, 0) << build.stderr_data;
  // The lint engine is loaded from <prefix>/lib/sls, beside the installed sls.
  ProcessResult lint = run_with({sls, "lint"}, work / "app", env);
  EXPECT_LE(lint.exit_code, 1) << lint.stdout_data << lint.stderr_data;
  EXPECT_EQ(lint.stderr_data.find("lint engine"), std::string::npos) << lint.stderr_data;
  ProcessResult invoke = run_with({sls, "invoke", "api/hello", "--path", "/api/hello?name=Ada"}, work / "app", env);
  EXPECT_NE(invoke.stdout_data.find("\n\nhello Ada"), std::string::npos) << invoke.stdout_data << invoke.stderr_data;
  auto compdb = read_file(work / "app/compile_commands.json");
  ASSERT_TRUE(compdb);
  EXPECT_NE(compdb->find((prefix / "share/sls/sdk/include").string()), std::string::npos) << *compdb;
}

}  // namespace
}  // namespace sls::dx

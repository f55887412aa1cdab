// The sls executable starts without Clang: the lint engine is a library it
// loads only when linting runs (analyzers/lint_engine.hpp), and when it cannot
// load it, it says which file and why.

#include <algorithm>

#include <gtest/gtest.h>

#include "bundler/shake/elf_reader.hpp"
#include "core/file_system.hpp"
#include "tests/dx/dx_support.hpp"

namespace sls::dx {
namespace {

TEST(LintEngineTest, SlsDoesNotLinkLlvmOrClang) {
  // Given the sls binary, we should find neither libLLVM nor libclang-cpp among its DT_NEEDED entries.
  auto bytes = read_file(e2e::sls_binary());
  ASSERT_TRUE(bytes);
  auto info = read_elf(*bytes);
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_FALSE(info->needed.empty());
  for (const std::string& library : info->needed) {
    EXPECT_EQ(library.find("libLLVM"), std::string::npos) << library;
    EXPECT_EQ(library.find("libclang"), std::string::npos) << library;
  }
}

TEST(LintEngineTest, LintNamesTheEngineItCannotLoad) {
  // Given SLS_LINT_ENGINE naming a missing file, sls lint should exit 2 and name that file and the loader's error.
  TempDir temp("sls-dx-lint-engine");
  fs::path project = temp.path() / "app";
  e2e::copy_project(e2e::source_dir() / "examples" / "quickstart", project);
  std::string missing = (temp.path() / "nowhere" / "libsls-lint-engine.so").string();
  SlsRun lint = run_sls({"lint", project.string()}, {}, {{"SLS_LINT_ENGINE", missing}});
  EXPECT_EQ(lint.exit_code, 2) << lint.out << lint.err;
  std::string output = lint.out + lint.err;
  EXPECT_NE(output.find("cannot load the lint engine " + missing), std::string::npos) << output;
  EXPECT_NE(output.find("No such file or directory"), std::string::npos) << output;
}

TEST(LintEngineTest, LintRefusesAnEngineFromOtherSourcesAndSaysWhichBuilds) {
  // Given an engine of this version built from other analyzer sources, sls lint should exit 2 and
  // name both builds, so that two builds of one version can be told apart.
  TempDir temp("sls-dx-stale-engine");
  fs::path project = temp.path() / "app";
  e2e::copy_project(e2e::source_dir() / "examples" / "quickstart", project);
  SlsRun lint = run_sls({"lint", project.string()}, {}, {{"SLS_LINT_ENGINE", SLS_STALE_LINT_ENGINE}});
  EXPECT_EQ(lint.exit_code, 2) << lint.out << lint.err;
  std::string output = lint.out + lint.err;
  EXPECT_NE(output.find("comes from another build of sls"), std::string::npos) << output;
  EXPECT_NE(output.find("from sources 0ther50urce5,"), std::string::npos) << output;
  EXPECT_NE(output.find("this sls " SLS_VERSION " from sources "), std::string::npos) << output;
}

TEST(LintEngineTest, CommandsThatDoNotLintNeedNoEngine) {
  // Given an engine that cannot load, --version and lint --list-rules should still work.
  std::map<std::string, std::string> env = {{"SLS_LINT_ENGINE", "/nonexistent/libsls-lint-engine.so"}};
  EXPECT_EQ(run_sls({"--version"}, {}, env).exit_code, 0);
  SlsRun rules = run_sls({"lint", "--list-rules"}, {}, env);
  EXPECT_EQ(rules.exit_code, 0) << rules.err;
  EXPECT_NE(rules.out.find("sls-global-mutable-state"), std::string::npos) << rules.out;
}

}  // namespace
}  // namespace sls::dx

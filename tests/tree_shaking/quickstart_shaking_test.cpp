#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "core/process.hpp"
#include "tests/tree_shaking/tree_shaking_e2e.hpp"

namespace sls::e2e {
namespace {

const std::vector<std::string> k_functions = {"api/echo", "api/greet", "api/hello", "api/users/[id]", "api/visits"};

// The quickstart with optimize = "debug": unstripped, so symbols can be listed.
const BuiltProject& unstripped_quickstart() {
  static const BuiltProject built =
      build_copy(source_dir() / "examples" / "quickstart", "[build]\noptimize = \"debug\"\n");
  return built;
}

std::string symbols_of(const fs::path& program) {
  SystemProcessRunner runner;
  auto result = runner.run({{"llvm-nm-19", "--demangle", program.string()}, std::nullopt, {}, {}});
  EXPECT_TRUE(result && result->exit_code == 0) << program;
  return result ? result->stdout_data : "";
}

TEST(QuickstartShakingTest, UnusedLibModuleIsInNoBootstrap) {
  // Given lib/farewell.cpp that no function calls, no bootstrap should define farewell_for, while greet's defines
  // greeting_for.
  ASSERT_EQ(unstripped_quickstart().build.exit_code, 0) << unstripped_quickstart().build.err;
  for (const std::string& function : k_functions) {
    fs::path dir = extract(unstripped_quickstart().bundle(function));
    std::string symbols = symbols_of(dir / "bootstrap");
    ASSERT_NE(symbols.find("main"), std::string::npos) << function << ": no symbols, the check would be empty";
    EXPECT_EQ(symbols.find("farewell_for"), std::string::npos) << function;
    EXPECT_EQ(symbols.find("greeting_for") != std::string::npos, function == "api/greet") << function;
    std::string bytes = *read_file(dir / "bootstrap");
    EXPECT_EQ(bytes.find("au revoir"), std::string::npos) << function;
  }
}

TEST(QuickstartShakingTest, OrdinaryFunctionsPassTheGlibcCheck) {
  // Given the quickstart built on this machine, every function should fit provided.al2023's glibc (no GLIBC error).
  EXPECT_EQ(unstripped_quickstart().build.err.find("GLIBC_"), std::string::npos) << unstripped_quickstart().build.err;
}

}  // namespace
}  // namespace sls::e2e

// What real projects ran into (docs/configuration.md, docs/targets.md): env
// from sls.toml reaching `sls invoke` on both targets, a failed switch of
// target never leaving the other target's bundle behind, and wasm builds that
// explain a host-only header or a vendored library that throws.
#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/e2e/e2e_support.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::e2e {
namespace {

const char* const k_env_function = R"(#include <sls/function.hpp>
#include <cstdlib>
sls::Response greet(const sls::Request&, sls::Context&) {
  const char* greeting = std::getenv("GREETING");
  return sls::Response::text(200, std::string("greeting=") + (greeting ? greeting : "unset"));
}
SLS_HANDLER(greet)
)";

class EnvInInvokeTest : public ::testing::TestWithParam<std::string> {};

TEST_P(EnvInInvokeTest, TheFunctionsEnvFromSlsTomlReachesIt) {
  // Given env = { GREETING = "hi there" } for a function, sls invoke should run it with that variable set.
  testing::TempDir project("sls-env");
  project.write("api/greet.cpp", k_env_function);
  project.write("sls.toml", "[functions.\"api/greet\"]\nenv = { GREETING = \"hi there\" }\n");
  SlsRun build = run_sls({"build", project.root().string(), "--target", GetParam()});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  SlsRun invoked = run_sls({"invoke", "api/greet", "-C", project.root().string()});
  EXPECT_EQ(invoked.exit_code, 0) << invoked.err;
  EXPECT_NE(invoked.out.find("greeting=hi there"), std::string::npos) << invoked.out << invoked.err;
}

INSTANTIATE_TEST_SUITE_P(Targets, EnvInInvokeTest, ::testing::Values("native", "wasm"));

TEST(TargetSwitchTest, AFailedSwitchToWasmLeavesNoNativeBundleToRunOrList) {
  // Given a function built natively that cannot build for wasm (it uses std::thread), a --target wasm build should
  // fail, sls invoke should find no bundle (not run the old native one), and spin.toml should not list it.
  testing::TempDir project("sls-switch");
  project.write("api/hello.cpp",
                "#include <sls/function.hpp>\nsls::Response h(const sls::Request&, sls::Context&) {\n"
                "  return sls::Response::text(200, \"hello\");\n}\nSLS_HANDLER(h)\n");
  project.write("api/work.cpp",
                "#include <sls/function.hpp>\n#include <thread>\n"
                "sls::Response w(const sls::Request&, sls::Context&) {\n  std::thread t([] {});\n"
                "  t.join();\n  return sls::Response::text(200, \"done\");\n}\nSLS_HANDLER(w)\n");
  ASSERT_EQ(run_sls({"build", project.root().string()}).exit_code, 0);
  SlsRun wasm = run_sls({"build", project.root().string(), "--target", "wasm"});
  EXPECT_EQ(wasm.exit_code, 1) << wasm.err;
  fs::path output = project.root() / ".sls/output";
  EXPECT_FALSE(fs::exists(output / "functions/api/work.zip"));
  SlsRun invoked = run_sls({"invoke", "api/work", "-C", project.root().string()});
  EXPECT_NE(invoked.exit_code, 0) << invoked.out;
  auto spin = read_file(output / "spin.toml");
  ASSERT_TRUE(spin) << "hello built for wasm, so spin.toml should exist";
  EXPECT_NE(spin->find("functions/api/hello/function.wasm"), std::string::npos) << *spin;
  EXPECT_EQ(spin->find("api/work"), std::string::npos) << *spin;
}

TEST(TargetSwitchTest, AFailedRebuildOfTheSameTargetKeepsTheLastGoodBundleAndInvokeSaysSo) {
  // Given a built function that then fails to compile, its last good bundle should stay (stale), and sls invoke
  // should warn that it runs a stale bundle.
  testing::TempDir project("sls-stale");
  project.write("api/hello.cpp",
                "#include <sls/function.hpp>\nsls::Response h(const sls::Request&, sls::Context&) {\n"
                "  return sls::Response::text(200, \"v1\");\n}\nSLS_HANDLER(h)\n");
  ASSERT_EQ(run_sls({"build", project.root().string()}).exit_code, 0);
  project.write("api/hello.cpp", "#include <sls/function.hpp>\nthis does not compile\n");
  EXPECT_EQ(run_sls({"build", project.root().string()}).exit_code, 1);
  SlsRun invoked = run_sls({"invoke", "api/hello", "-C", project.root().string()});
  EXPECT_EQ(invoked.exit_code, 0) << invoked.err;
  EXPECT_NE(invoked.out.find("v1"), std::string::npos) << invoked.out;
  EXPECT_NE(invoked.err.find("stale"), std::string::npos) << invoked.err;
}

TEST(WasmHeadersTest, AHostOnlyHeaderIsExplainedWithTheFix) {
  // Given a wasm function including nlohmann/json.hpp (installed for the host only), the build should say the
  // header exists on the host but not in the wasm sysroot, and point at include_dirs.
  testing::TempDir project("sls-wasm-header");
  project.write("api/j.cpp",
                "#include <sls/function.hpp>\n#include <nlohmann/json.hpp>\n"
                "sls::Response j(const sls::Request&, sls::Context&) { return sls::Response::json(200, \"{}\"); }\n"
                "SLS_HANDLER(j)\n");
  SlsRun build = run_sls({"build", project.root().string(), "--target", "wasm"});
  EXPECT_EQ(build.exit_code, 1);
  EXPECT_NE(build.err.find("'nlohmann/json.hpp' is installed for the host (/usr/include/nlohmann/json.hpp)"),
            std::string::npos)
      << build.err;
  EXPECT_NE(build.err.find("include_dirs"), std::string::npos) << build.err;
}

TEST(WasmHeadersTest, AVendoredLibraryThatThrowsPointsAtItsNoExceptionsSwitch) {
  // Given a vendored header that throws, used by a wasm function, the build should name the library's own switch.
  testing::TempDir project("sls-wasm-vendored");
  project.write("vendor/tiny/tiny.hpp",
                "#pragma once\n#include <stdexcept>\n"
                "inline int parse_or_throw(int x) { if (x < 0) throw std::runtime_error(\"neg\"); return x; }\n");
  project.write("sls.toml", "[build]\ninclude_dirs = [\"vendor/tiny\"]\n");
  project.write("api/v.cpp",
                "#include <sls/function.hpp>\n#include <tiny.hpp>\n"
                "sls::Response v(const sls::Request&, sls::Context&) {\n"
                "  return sls::Response::text(200, std::to_string(parse_or_throw(1)));\n}\nSLS_HANDLER(v)\n");
  SlsRun native = run_sls({"build", project.root().string()});
  EXPECT_EQ(native.exit_code, 0) << native.err;
  SlsRun wasm = run_sls({"build", project.root().string(), "--target", "wasm"});
  EXPECT_EQ(wasm.exit_code, 1);
  EXPECT_NE(wasm.err.find("vendor/tiny/tiny.hpp"), std::string::npos) << wasm.err;
  EXPECT_NE(wasm.err.find("add it to the function's defines"), std::string::npos) << wasm.err;
}

}  // namespace
}  // namespace sls::e2e

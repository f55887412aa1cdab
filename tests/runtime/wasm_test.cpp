// The wasm32-wasi build of the same handlers: it must link, and under Node's WASI it must answer
// exactly what the native CGI build answers.
#include <gtest/gtest.h>

#include "built_functions.hpp"
#include "cgi_runner.hpp"

namespace sls::test {
namespace {

const Env k_request_env = {
    {"REQUEST_METHOD", "POST"},     {"PATH_INFO", "/api/users/5"}, {"QUERY_STRING", "name=W%C3%A4sm&flag"},
    {"CONTENT_TYPE", "text/plain"}, {"CONTENT_LENGTH", "5"},       {"HTTP_X_TEST", "same"},
    {"AWS_REGION", "eu-central-1"}};

TEST(WasmTest, EchoLinksToAWasmModule) {
  // Given the echo handler, we should link a wasm32-wasi module (it starts with "\0asm").
  const auto build = BuiltFunctions::get(Target::wasm, "echo.cpp");
  ASSERT_TRUE(build.ok) << build.log;
  EXPECT_EQ(read_file(build.artifact).substr(0, 4), std::string("\0asm", 4));
}

TEST(WasmTest, WagiAnswerMatchesNativeCgi) {
  // Given the same CGI environment and body, we should get byte-identical output from the wasm
  // module under Node and from the native bootstrap.
  ASSERT_TRUE(on_path("node")) << "node is a test dependency (scripts/install-deps.sh installs nodejs)";
  const auto wasm = BuiltFunctions::get(Target::wasm, "echo.cpp");
  const auto native = BuiltFunctions::get(Target::native, "echo.cpp");
  ASSERT_TRUE(wasm.ok) << wasm.log;
  ASSERT_TRUE(native.ok) << native.log;
  const auto from_wasm = run_cgi_wasm(wasm, k_request_env, "hello", "/api/users/5");
  const auto from_native = run_cgi_native(native, k_request_env, "hello");
  EXPECT_EQ(from_wasm.exit_code, 0) << from_wasm.err;
  EXPECT_NE(from_wasm.out.find("\nname=Wäsm\n"), std::string::npos) << from_wasm.out;
  EXPECT_EQ(from_wasm.out, from_native.out);
}

TEST(WasmTest, WagiPathFallsBackToArgvZero) {
  // Given no PATH_INFO, X_RAW_PATH_INFO or SCRIPT_NAME, we should take the path from argv[0] as
  // WAGI passes it, and match the route on it.
  ASSERT_TRUE(on_path("node")) << "node is a test dependency (scripts/install-deps.sh installs nodejs)";
  const auto wasm = BuiltFunctions::get(Target::wasm, "echo.cpp");
  ASSERT_TRUE(wasm.ok) << wasm.log;
  const auto result = run_cgi_wasm(wasm, {{"REQUEST_METHOD", "GET"}}, "", "/api/users/31");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("\nid=31\n"), std::string::npos) << result.out;
}

TEST(WasmTest, MissingHandlerIsA500) {
  // Given a wasm function without SLS_HANDLER, we should still exit 0 with status 500.
  ASSERT_TRUE(on_path("node")) << "node is a test dependency (scripts/install-deps.sh installs nodejs)";
  const auto wasm = BuiltFunctions::get(Target::wasm, "no_handler.cpp");
  ASSERT_TRUE(wasm.ok) << wasm.log;
  const auto result = run_cgi_wasm(wasm, {{"REQUEST_METHOD", "GET"}}, "", "/");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.starts_with("status: 500\n")) << result.out;
}

}  // namespace
}  // namespace sls::test

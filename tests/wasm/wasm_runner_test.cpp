// Choosing and starting a WASI runtime for `sls invoke` (bundler/wasm_runner.hpp).
#include "bundler/wasm/wasm_runner.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>

#include <gtest/gtest.h>

#include "wasm_test_support.hpp"

namespace sls::test {
namespace {

void make_executable(const std::filesystem::path& path) {
  write_text(path, "#!/bin/sh\n");
  ::chmod(path.c_str(), 0755);
}

// Each test starts without $SLS_WASM_RUNTIME, whatever the caller's shell has.
class WasmRunnerTest : public ::testing::Test {
protected:
  void SetUp() override { ::unsetenv("SLS_WASM_RUNTIME"); }
  void TearDown() override { ::unsetenv("SLS_WASM_RUNTIME"); }

  InstallLayout layout_with_script() {
    write_text(m_share.path() / k_node_runner_script, "// runner\n");
    return InstallLayout{m_share.path()};
  }
  TempDir m_bin;
  TempDir m_share;
};

TEST_F(WasmRunnerTest, FindProgramSkipsNonExecutables) {
  // Given a plain file named node before an executable one on the path, we should pick the executable.
  TempDir first;
  write_text(first.path() / "node", "not executable");
  make_executable(m_bin.path() / "node");
  auto found = find_program("node", first.path().string() + ":" + m_bin.path().string());
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, m_bin.path() / "node");
}

TEST_F(WasmRunnerTest, WasmtimeIsPreferred) {
  // Given both wasmtime and node on the path, we should choose wasmtime.
  make_executable(m_bin.path() / "node");
  make_executable(m_bin.path() / "wasmtime");
  auto runtime = find_wasm_runtime(layout_with_script(), m_bin.path().string());
  ASSERT_TRUE(runtime) << runtime.error().message;
  EXPECT_EQ(runtime->kind, WasmRuntimeKind::Wasmtime);
}

TEST_F(WasmRunnerTest, NodeIsTheFallbackAndCanBeForced) {
  // Given only node, or both with SLS_WASM_RUNTIME=node, we should choose node and its runner script.
  make_executable(m_bin.path() / "node");
  auto runtime = find_wasm_runtime(layout_with_script(), m_bin.path().string());
  ASSERT_TRUE(runtime) << runtime.error().message;
  EXPECT_EQ(runtime->kind, WasmRuntimeKind::Node);
  EXPECT_EQ(runtime->node_script, m_share.path() / k_node_runner_script);
  make_executable(m_bin.path() / "wasmtime");
  ::setenv("SLS_WASM_RUNTIME", "node", 1);
  runtime = find_wasm_runtime(layout_with_script(), m_bin.path().string());
  ASSERT_TRUE(runtime) << runtime.error().message;
  EXPECT_EQ(runtime->kind, WasmRuntimeKind::Node);
}

TEST_F(WasmRunnerTest, MissingRuntimeSaysWhatToInstall) {
  // Given a path with neither runtime, we should name both wasmtime and Node.js in the error.
  auto runtime = find_wasm_runtime(layout_with_script(), m_bin.path().string());
  ASSERT_FALSE(runtime);
  EXPECT_NE(runtime.error().message.find("wasmtime"), std::string::npos) << runtime.error().message;
  EXPECT_NE(runtime.error().message.find("Node.js"), std::string::npos) << runtime.error().message;
}

TEST_F(WasmRunnerTest, NodeCommandKeepsTheEnvironmentOffTheCommandLine) {
  // Given a request with a secret in the environment, we should pass it as the child's environment only.
  WasmRuntime node{WasmRuntimeKind::Node, "/bin/node", "/share/wasi_runner.mjs"};
  WasmInvocation invocation{"/b/function.wasm", "/b", "/api/x", {"a=1"}, {{"TOKEN", "s3cret"}}, "body"};
  ProcessSpec spec = wasm_process_spec(node, invocation);
  std::vector<std::string> expected = {
      "/bin/node", "--no-warnings", "/share/wasi_runner.mjs", "/b/function.wasm", "/b", "/api/x", "a=1"};
  EXPECT_EQ(spec.argv, expected);
  ASSERT_TRUE(spec.environment);
  EXPECT_EQ(spec.environment->at("TOKEN"), "s3cret");
  EXPECT_EQ(spec.stdin_data, "body");
}

TEST_F(WasmRunnerTest, WasmtimeCommandPreopensTheBundleAsRoot) {
  // Given wasmtime, we should map the bundle folder to "/" and inherit each variable by name only.
  WasmRuntime wasmtime{WasmRuntimeKind::Wasmtime, "/bin/wasmtime", {}};
  WasmInvocation invocation{"/b/function.wasm", "/b", "/api/x", {}, {{"TOKEN", "s3cret"}}, ""};
  ProcessSpec spec = wasm_process_spec(wasmtime, invocation);
  std::vector<std::string> expected = {"/bin/wasmtime", "run", "--dir=/b::/", "--env", "TOKEN", "/b/function.wasm"};
  EXPECT_EQ(spec.argv, expected);
  EXPECT_EQ(std::count(spec.argv.begin(), spec.argv.end(), "s3cret"), 0);
}

}  // namespace
}  // namespace sls::test

#pragma once
// Running a wasm32-wasi module once, the way a WAGI host does: arguments,
// environment, the body on stdin, the bundle's folder preopened as "/", the
// response read from stdout. wasmtime is used when it is on PATH; otherwise
// Node.js's built-in WASI through share/wasi_runner.mjs, a script sls ships.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/expected.hpp"
#include "core/install_layout.hpp"
#include "core/process.hpp"

namespace sls {

enum class WasmRuntimeKind { Wasmtime, Node };

struct WasmRuntime {
  WasmRuntimeKind kind = WasmRuntimeKind::Node;
  std::filesystem::path program;      // wasmtime or node
  std::filesystem::path node_script;  // wasi_runner.mjs, for Node only
};

inline constexpr const char* k_node_runner_script = "wasi_runner.mjs";

// The first executable called `name` in the ':'-separated `search_path`.
std::optional<std::filesystem::path> find_program(const std::string& name, const std::string& search_path);

// wasmtime, else node, looked up on `search_path`; $SLS_WASM_RUNTIME (wasmtime
// or node) forces one. The error says what to install.
Expected<WasmRuntime> find_wasm_runtime(const InstallLayout& layout, const std::string& search_path);
// The same with $PATH and the running sls's install layout.
Expected<WasmRuntime> find_wasm_runtime();

struct WasmInvocation {
  std::filesystem::path module;
  std::filesystem::path root_dir;                  // preopened as "/" (relative paths resolve there too)
  std::string argv0;                               // WAGI: the request path
  std::vector<std::string> args;                   // WAGI: the query items
  std::map<std::string, std::string> environment;  // the module's whole environment
  std::string stdin_data;
};

// The host process to start. The module's environment is the child's own
// environment, so values never appear on a command line.
ProcessSpec wasm_process_spec(const WasmRuntime& runtime, const WasmInvocation& invocation);

// Exit codes of the Node runner when the module could not run to the end.
inline constexpr int k_wasm_trap_exit_code = 70;
inline constexpr int k_wasm_load_failure_exit_code = 71;

}  // namespace sls

#include "bundler/wasm/wasm_runner.hpp"

#include <unistd.h>

#include <cstdlib>
#include <sstream>

namespace sls {
namespace fs = std::filesystem;
namespace {

std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

Expected<WasmRuntime> node_runtime(const fs::path& node, const InstallLayout& layout) {
  fs::path script = layout.share_dir / k_node_runner_script;
  std::error_code ec;
  if (!fs::is_regular_file(script, ec))
    return make_error("cannot run wasm bundles with Node.js: " + script.string() + " is missing; reinstall sls");
  return WasmRuntime{WasmRuntimeKind::Node, node, script};
}

Error no_runtime_error(const std::string& forced) {
  if (forced == "wasmtime") return make_error("SLS_WASM_RUNTIME=wasmtime, but wasmtime is not on PATH");
  if (forced == "node") return make_error("SLS_WASM_RUNTIME=node, but node is not on PATH");
  return make_error(
      "cannot run wasm bundles: no WebAssembly runtime on PATH; install wasmtime, or Node.js 20 or "
      "later (Debian: apt-get install nodejs)");
}

}  // namespace

std::optional<fs::path> find_program(const std::string& name, const std::string& search_path) {
  std::stringstream folders(search_path);
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    fs::path candidate = fs::path(folder.empty() ? "." : folder) / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

Expected<WasmRuntime> find_wasm_runtime(const InstallLayout& layout, const std::string& search_path) {
  std::string forced = env_or_empty("SLS_WASM_RUNTIME");
  if (!forced.empty() && forced != "wasmtime" && forced != "node")
    return make_error("SLS_WASM_RUNTIME must be 'wasmtime' or 'node', not '" + forced + "'");
  if (forced != "node") {
    if (auto wasmtime = find_program("wasmtime", search_path))
      return WasmRuntime{WasmRuntimeKind::Wasmtime, *wasmtime, {}};
  }
  if (forced != "wasmtime") {
    if (auto node = find_program("node", search_path)) return node_runtime(*node, layout);
  }
  return no_runtime_error(forced);
}

Expected<WasmRuntime> find_wasm_runtime() {
  auto layout = find_install_layout();
  if (!layout) return layout.error();
  return find_wasm_runtime(*layout, env_or_empty("PATH"));
}

ProcessSpec wasm_process_spec(const WasmRuntime& runtime, const WasmInvocation& invocation) {
  ProcessSpec spec;
  spec.environment = invocation.environment;
  spec.stdin_data = invocation.stdin_data;
  spec.working_directory = invocation.root_dir;
  if (runtime.kind == WasmRuntimeKind::Node) {
    // --no-warnings: node:wasi prints an "experimental" warning otherwise.
    spec.argv = {runtime.program.string(),     "--no-warnings",
                 runtime.node_script.string(), invocation.module.string(),
                 invocation.root_dir.string(), invocation.argv0};
  } else {
    // wasmtime sets argv[0] to the module's name; WAGI's path is in PATH_INFO as well.
    spec.argv = {runtime.program.string(), "run", "--dir=" + invocation.root_dir.string() + "::/"};
    for (const auto& [name, value] : invocation.environment) spec.argv.insert(spec.argv.end(), {"--env", name});
    spec.argv.push_back(invocation.module.string());
  }
  spec.argv.insert(spec.argv.end(), invocation.args.begin(), invocation.args.end());
  return spec;
}

}  // namespace sls

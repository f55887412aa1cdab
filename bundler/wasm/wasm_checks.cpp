#include "bundler/wasm/wasm_checks.hpp"

#include <cstdlib>

#include "bundler/wasm/wasm_module.hpp"
#include "bundler/wasm/wasm_runner.hpp"
#include "core/file_system.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

bool report_problems(const std::vector<std::string>& problems, const std::string& what, Diagnostics& diagnostics,
                     const SourceLocation& where) {
  for (const std::string& problem : problems) diagnostics.error(where, what + ": " + problem);
  return problems.empty();
}

// wasm-opt writes a new file; it replaces the module only once complete.
bool run_wasm_opt(const fs::path& wasm_opt, const fs::path& module, ProcessRunner& runner, Diagnostics& diagnostics,
                  const SourceLocation& where) {
  fs::path optimized = module;
  optimized += ".opt";
  auto result =
      runner.run({{wasm_opt.string(), "-Oz", module.string(), "-o", optimized.string()}, std::nullopt, {}, {}});
  if (!result || result->exit_code != 0) {
    diagnostics.error(where, "wasm-opt failed on the linked module",
                      result ? result->stderr_data + result->stdout_data : result.error().message);
    return false;
  }
  std::error_code ec;
  fs::rename(optimized, module, ec);
  if (ec) diagnostics.error(where, "cannot replace " + module.string() + ": " + ec.message());
  return !ec;
}

}  // namespace

bool finish_linked_module(const fs::path& module, Optimize optimize, ProcessRunner& runner, Diagnostics& diagnostics,
                          const SourceLocation& where) {
  const char* path = std::getenv("PATH");
  std::optional<fs::path> wasm_opt = find_program("wasm-opt", path ? path : "");
  if (wasm_opt && optimize != Optimize::Debug && !run_wasm_opt(*wasm_opt, module, runner, diagnostics, where))
    return false;
  auto bytes = read_file(module);
  if (!bytes) {
    diagnostics.error(where, bytes.error().message);
    return false;
  }
  // A failure here is a bug in sls or its glue, not in the user's code: say so.
  return report_problems(validate_wasi_command(*bytes), "internal error: sls linked an invalid WASI module",
                         diagnostics, where);
}

// sls's own reader checks the module's sections and imports; the code of its
// functions is checked by wabt's wasm-validate, so a module with a valid
// header and a broken body is refused here rather than trapping when deployed.
bool validate_function_bodies(const fs::path& module, ProcessRunner& runner, Diagnostics& diagnostics,
                              const SourceLocation& where) {
  const char* path = std::getenv("PATH");
  std::optional<fs::path> validator = find_program("wasm-validate", path ? path : "");
  if (!validator) {
    diagnostics.warning(where, "wasm-validate (wabt) is not installed: the module's code was not validated");
    return true;
  }
  auto result = runner.run({{validator->string(), module.string()}, std::nullopt, {}, {}});
  if (result && result->exit_code == 0) return true;
  diagnostics.error(where, "not a valid wasm module: its code does not validate",
                    result ? result->stderr_data + result->stdout_data : result.error().message);
  return false;
}

std::optional<fs::path> check_prebuilt_module(const fs::path& project_root, const FunctionSource& function,
                                              ProcessRunner& runner, Diagnostics& diagnostics) {
  fs::path module = project_root / function.entry;
  auto bytes = read_file(module);
  SourceLocation where{function.entry, 0, 0};
  if (!bytes) {
    diagnostics.error(where, bytes.error().message);
    return std::nullopt;
  }
  if (!report_problems(validate_wasi_command(*bytes), "not a WASI preview 1 command module", diagnostics, where))
    return std::nullopt;
  if (!validate_function_bodies(module, runner, diagnostics, where)) return std::nullopt;
  return module;
}

}  // namespace sls

#pragma once
// The boundary between the sls executable and the lint engine.
//
// Everything that needs Clang (the driver, the checks, the rules, the AST
// helpers) lives in a shared library, libsls-lint-engine.so, that links
// libclang-cpp and libLLVM. The executable does not: loading and relocating
// those two libraries took about 30 ms at every start, which a no-op
// `sls build` cannot afford. `analyzers::lint()` in the executable is a thin
// loader (lint_loader.cpp) that dlopen()s the engine on first use and calls
// the function the engine's one exported symbol hands back.
//
// The types crossing the boundary are the C++ types of lint.hpp: the engine
// and the executable must come from the same build, which the loader checks
// (ABI number, sls version, sizes of the types) before calling anything.

#include <cstddef>
#include <vector>

#include "analyzers/engine_fingerprint.hpp"  // generated: k_lint_engine_fingerprint
#include "analyzers/lint.hpp"

namespace sls::analyzers {

using LintFunction = LintReport (*)(const std::vector<LintJob>& jobs, const LintOptions& options);
using CompileAndLintFunction = CompileAndLintResult (*)(const CompileAndLintJob& job, const LintOptions& options);
using LinkerCommandFunction = LinkerCommand (*)(const std::vector<std::string>& driver_command,
                                                const std::string& directory);

// What the engine's entry point returns. Add fields at the end only, and bump
// k_lint_engine_abi whenever this struct or a type of lint.hpp changes.
struct LintEngine {
  unsigned abi_version = 0;
  const char* sls_version = "";
  std::size_t job_size = 0, options_size = 0, report_size = 0, finding_size = 0;
  LintFunction lint = nullptr;
  const char* fingerprint = "";  // k_lint_engine_fingerprint of the build that made it
  CompileAndLintFunction compile_and_lint = nullptr;
  LinkerCommandFunction linker_command = nullptr;
};

inline constexpr unsigned k_lint_engine_abi = 4;
inline constexpr const char* k_lint_engine_file = "libsls-lint-engine.so";
inline constexpr const char* k_lint_engine_entry = "sls_lint_engine_v1";

using LintEngineEntry = const LintEngine* (*)();

// The engine as this build would describe it; the loader compares the loaded
// engine's answer with it.
inline LintEngine expected_lint_engine(const char* sls_version) {
  return {k_lint_engine_abi,  sls_version,     sizeof(LintJob), sizeof(LintOptions),
          sizeof(LintReport), sizeof(Finding), nullptr,         k_lint_engine_fingerprint};
}

// The real drivers, inside the engine (lint.cpp, compile_and_lint.cpp, linker_command.cpp).
LintReport lint_in_process(const std::vector<LintJob>& jobs, const LintOptions& options);
CompileAndLintResult compile_and_lint_in_process(const CompileAndLintJob& job, const LintOptions& options);
LinkerCommand linker_command_in_process(const std::vector<std::string>& driver_command, const std::string& directory);

}  // namespace sls::analyzers

// The engine's only exported symbol (named by k_lint_engine_entry).
extern "C" const sls::analyzers::LintEngine* sls_lint_engine_v1();

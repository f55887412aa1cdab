#pragma once
// What `sls lint` and `sls lsp` hand the analyzers: each translation unit of
// a project with exactly the flags `sls build` compiles it with (the entries
// of compile_commands.json).

#include <filesystem>
#include <vector>

#include "analyzers/lint.hpp"
#include "bundler/project/build_context.hpp"
#include "bundler/project/project.hpp"
#include "bundler/project/toolchain.hpp"

namespace sls {

// Every unit of the project; `only` (absolute paths) narrows it to those
// files, and a file in `only` that no function or lib/ compiles is still
// linted, with the project's flags.
std::vector<analyzers::LintJob> lint_jobs_for(const LoadedProject& project,
                                              const std::vector<std::filesystem::path>& only);

// The job that lints one unit of `sls build`: the flags (and prelude) it is
// compiled with, run from the project root.
analyzers::LintJob build_lint_job(const BuildContext& context, const UnitOptions& options, const std::string& source);

}  // namespace sls

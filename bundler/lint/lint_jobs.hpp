#pragma once
// What `sls lint` and `sls lsp` hand the analyzers: each translation unit of
// a project with exactly the flags `sls build` compiles it with (the entries
// of compile_commands.json).

#include <filesystem>
#include <vector>

#include "analyzers/lint.hpp"
#include "bundler/project/project.hpp"

namespace sls {

// Every unit of the project; `only` (absolute paths) narrows it to those
// files, and a file in `only` that no function or lib/ compiles is still
// linted, with the project's flags.
std::vector<analyzers::LintJob> lint_jobs_for(const LoadedProject& project,
                                              const std::vector<std::filesystem::path>& only);

}  // namespace sls

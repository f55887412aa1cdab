#pragma once
// sls lint: the analyzers alone (docs/design.md §7), for terminals, CI and editors.

#include <CLI/CLI.hpp>

namespace sls::cli {

void add_lint_command(CLI::App& app);

}  // namespace sls::cli

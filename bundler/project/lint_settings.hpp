#pragma once
// [lint] of sls.toml as analyzer options: the one conversion `sls build`,
// `sls lint` and `sls lsp` share, so a rule id or severity word means the same
// everywhere.

#include "analyzers/lint.hpp"
#include "config/project_config.hpp"
#include "core/diagnostics.hpp"

namespace sls {

// An unknown rule id is an error at its sls.toml location, with a hint.
analyzers::LintOptions lint_options_from_config(const LintSettings& settings, Diagnostics& diagnostics);

}  // namespace sls

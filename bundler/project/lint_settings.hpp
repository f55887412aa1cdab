#pragma once
// [lint] of sls.toml as analyzer options: the one conversion `sls build`,
// `sls lint` and `sls lsp` share, so a rule id or severity word means the same
// everywhere.

#include "analyzers/lint.hpp"
#include "bundler/project/plan.hpp"
#include "config/project_config.hpp"
#include "core/diagnostics.hpp"

namespace sls {

// An unknown rule id is an error at its sls.toml location, with a hint.
analyzers::LintOptions lint_options_from_config(const LintSettings& settings, Diagnostics& diagnostics);

// The options one function is linted with: the project's, except that a function serving several
// requests at once (concurrency > 1) gets the concurrent-instance profile, because its globals are
// shared between requests running side by side. A profile that [lint] sets explicitly always wins.
analyzers::LintOptions lint_options_for_function(const analyzers::LintOptions& project_options,
                                                 const LintSettings& settings, const PlannedFunction& function);

}  // namespace sls

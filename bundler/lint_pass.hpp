#pragma once
// Stage 5: the analyzers inside `sls build`. Every translation unit of every
// function that compiled is linted with the flags it was compiled with.
// Results are cached in the content store under the unit's compile result
// key (which already covers the source, every header it included and the
// flags) plus the lint settings, so an unchanged unit is not parsed again.
// The traced literal paths go on to the tree-shaking stage.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "analyzers/lint.hpp"
#include "bundler/assets.hpp"
#include "bundler/compile.hpp"
#include "bundler/plan.hpp"
#include "cache/content_store.hpp"
#include "config/project_config.hpp"
#include "core/diagnostics.hpp"

namespace sls {

struct FunctionLintCounts {
  std::size_t warnings = 0;
  std::size_t errors = 0;
};

struct LintPassResult {
  analyzers::LintOptions options;
  analyzers::LintReport report;                                  // every finding, for printing
  std::map<std::string, FunctionLintCounts> counts;              // by function name
  std::map<std::string, std::vector<AssetReference>> assets;     // by function name
  std::size_t units_linted = 0;                                  // parsed this build
  std::size_t units_cached = 0;                                  // taken from the cache
};

// [lint] of sls.toml as analyzer options; an unknown rule id is an error at its location.
analyzers::LintOptions lint_options_from_config(const LintSettings& settings, Diagnostics& diagnostics);

LintPassResult run_lint_pass(const CompileContext& context, const std::vector<PlannedFunction>& plan,
                             const std::vector<BuiltFunction>& built, const analyzers::LintOptions& options);

}  // namespace sls

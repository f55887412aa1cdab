#pragma once
// The lint stage: the analyzers inside `sls build`. Every translation unit of every
// function that compiled is linted with the flags it was compiled with.
// Results are cached in the content store under the unit's compile result
// key (which already covers the source, every header it included and the
// flags) plus the lint settings, so an unchanged unit is not parsed again.
// The traced literal paths go on to the tree-shaking stage.

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "analyzers/lint.hpp"
#include "bundler/compile/compile.hpp"
#include "bundler/project/build_context.hpp"
#include "bundler/project/plan.hpp"
#include "bundler/shake/assets.hpp"

namespace sls {

struct FunctionLintCounts {
  std::size_t warnings = 0;
  std::size_t errors = 0;
};

struct LintPassResult {
  analyzers::LintOptions options;
  analyzers::LintReport report;                               // every finding, for printing
  std::map<std::string, FunctionLintCounts> counts;           // by function name
  std::map<std::string, std::vector<AssetReference>> assets;  // by function name
  std::size_t units_linted = 0;                               // parsed this build
  std::size_t units_cached = 0;                               // taken from the cache
  std::size_t units_with_compile = 0;  // of units_linted: in the same parse as their compile (docs/lint.md)
};

// One translation unit to lint: whose it is, how it is compiled, its cache key.
struct LintUnit {
  std::string function;
  analyzers::LintJob job;
  std::string key;
  analyzers::LintReport report;
};

// The lint steps of a build: one per compiled function, run by the build's
// task graph as soon as that function's compile step is done.
class LintStage {
public:
  // Lints with the project's [lint] options, or a function's own (lint_options_for_function).
  explicit LintStage(const BuildContext& context);

  // Lints every unit of a compiled function (or takes its cached result);
  // steps for different functions run at the same time.
  void lint_function(const PlannedFunction& planned, const BuiltFunction& function);

  // The data paths traced in a function already linted, for tree-shaking.
  std::vector<AssetReference> traced_assets(const std::string& function) const;

  // Every function's results, in plan order.
  LintPassResult finish();

  // The steps that report progress: one per unit of every function that compiles.
  std::size_t step_count() const;

private:
  const BuildContext& m_context;
  const analyzers::LintOptions& m_options;  // the project's; a function may get its own (lint_settings.hpp)
  mutable std::mutex m_mutex;
  std::map<std::string, std::vector<LintUnit>> m_units;         // by function name
  std::map<std::string, std::vector<AssetReference>> m_assets;  // by function name
  std::size_t m_units_linted = 0, m_units_cached = 0, m_units_with_compile = 0;
};

}  // namespace sls

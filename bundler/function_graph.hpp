#pragma once
// Every function's steps on one task graph (core/task_graph.hpp): per target
// the prelude, glue and lib/ compiles; per function its compile, its lint
// right after it, its link, and its package once link and lint are done.
// Each step runs on one of -j threads as soon as its inputs are ready.

#include <optional>
#include <vector>

#include "bundler/lint/lint_stage.hpp"
#include "bundler/output/manifest.hpp"
#include "bundler/package/package_stage.hpp"
#include "bundler/project/build_context.hpp"

namespace sls {

struct FunctionResults {
  std::vector<ManifestFunction> functions;  // in plan order
  std::optional<LintPassResult> lint;       // absent when linting is off
};

// Off still runs the analyzers for what they trace (the data files a function
// reads, which packaging ships) and drops their findings: --no-lint must never
// change what a bundle holds.
enum class LintInBuild { On, TraceOnly };

FunctionResults build_functions(const BuildContext& context, PackageStage& packaging, LintInBuild lint, unsigned jobs);

}  // namespace sls

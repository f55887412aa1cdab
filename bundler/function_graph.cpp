#include "bundler/function_graph.hpp"

#include "bundler/compile/compile.hpp"
#include "bundler/wasm/wasm_checks.hpp"
#include "core/task_graph.hpp"

namespace sls {
namespace {

// The steps of one function: compile, lint and link (when it compiles), then package.
void add_function(const BuildContext& context, std::size_t i, TaskGraph& graph, CompileStage& compiling,
                  LintStage* linting, PackageStage& packaging, ManifestFunction& result) {
  const PlannedFunction& planned = context.project.plan[i];
  result.planned = &planned;
  const BuiltFunction* built = nullptr;
  std::vector<TaskGraph::TaskId> inputs;
  if (planned.compiles()) {
    compiling.add_function_steps(graph, i);
    built = &compiling.built(i);
    inputs.push_back(compiling.linked_step(i));
    if (linting)
      inputs.push_back(graph.add([linting, &planned, built] { linting->lint_function(planned, *built); },
                                 {compiling.compiled_step(i)}));
  }
  graph.add(
      [&context, &planned, built, linting, &packaging, &result] {
        // wasm: a prebuilt api/x.wasm is validated and packaged byte for byte.
        std::optional<std::filesystem::path> artifact =
            built ? built->artifact
                  : check_prebuilt_module(context.layout().root, *planned.source, context.diagnostics);
        std::vector<AssetReference> traced =
            linting ? linting->traced_assets(planned.name()) : std::vector<AssetReference>{};
        result.bundle = packaging.package(planned, artifact, traced);
      },
      inputs);
}

}  // namespace

FunctionResults build_functions(const BuildContext& context, PackageStage& packaging, LintInBuild lint, unsigned jobs) {
  CompileStage compiling(context);
  std::optional<LintStage> linting;
  if (lint == LintInBuild::On) linting.emplace(context);
  context.progress.add_total(compiling.step_count() + (linting ? linting->step_count() : 0) + packaging.step_count());

  FunctionResults results;
  results.functions.resize(context.project.plan.size());
  TaskGraph graph;
  compiling.add_target_steps(graph);
  for (std::size_t i = 0; i < context.project.plan.size(); ++i)
    add_function(context, i, graph, compiling, linting ? &*linting : nullptr, packaging, results.functions[i]);
  graph.run(jobs);

  if (linting) {
    results.lint = linting->finish();
    for (ManifestFunction& function : results.functions) function.lint = results.lint->counts[function.planned->name()];
  }
  return results;
}

}  // namespace sls

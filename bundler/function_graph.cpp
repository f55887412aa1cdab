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
                                 {compiling.compiled_step(i)}, planned.source->entry));
  }
  graph.add(
      [&context, &planned, built, linting, &packaging, &result] {
        result.bundle.status = FunctionStatus::Failed;  // until packaging says otherwise, even if it throws
        // wasm: a prebuilt api/x.wasm is validated and packaged byte for byte.
        std::optional<std::filesystem::path> artifact =
            built ? built->artifact
                  : check_prebuilt_module(context.layout().root, *planned.source, context.runner, context.diagnostics);
        std::vector<AssetReference> traced =
            linting ? linting->traced_assets(planned.name()) : std::vector<AssetReference>{};
        result.bundle = packaging.package(planned, artifact, traced);
      },
      inputs, planned.source->entry);
}

}  // namespace

FunctionResults build_functions(const BuildContext& context, PackageStage& packaging, LintInBuild lint, unsigned jobs) {
  CompileStage compiling(context);
  std::optional<LintStage> linting;
  linting.emplace(context);
  context.progress.add_total(compiling.step_count() + (linting ? linting->step_count() : 0) + packaging.step_count());

  FunctionResults results;
  results.functions.resize(context.project.plan.size());
  // A step that throws is that step's error, never a crash of the build.
  TaskGraph graph([&context](const std::string& label, const std::string& what) {
    context.diagnostics.error({label, 0, 0}, "internal error while building: " + what,
                              "hint: this is a bug in sls; the other functions were built");
  });
  compiling.add_target_steps(graph);
  for (std::size_t i = 0; i < context.project.plan.size(); ++i)
    add_function(context, i, graph, compiling, linting ? &*linting : nullptr, packaging, results.functions[i]);
  graph.run(jobs);

  LintPassResult lint_result = linting->finish();
  if (lint == LintInBuild::TraceOnly) {
    for (const analyzers::FileFailure& failure : lint_result.report.failures)
      context.diagnostics.error({failure.path, 0, 0}, "the data files this unit reads could not be traced", failure.message);
  } else {
    for (ManifestFunction& function : results.functions) function.lint = lint_result.counts[function.planned->name()];
    results.lint = std::move(lint_result);
  }
  return results;
}

}  // namespace sls

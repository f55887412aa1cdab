#pragma once
// The compile stage: compile and link. The runtime glue is compiled once per target
// (and reused while its sources and flags are unchanged), lib/ once per
// target into a static archive so the linker takes only the members a
// function uses, the prelude (SDK and standard headers) is precompiled once
// per target, then every function is compiled and linked on its own. Each of
// these is a step of the build's task graph (core/task_graph.hpp), so they
// run in parallel as soon as their inputs are ready. A function that fails
// is reported and the others go on.
//
// Every compile and link is a cached step (cache/step_cache.hpp): its result
// is looked up by the content of its inputs before anything runs, and
// objects are only written to disk when a link actually needs them, so a
// build where nothing changed runs no compiler and no linker.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/lint.hpp"
#include "bundler/project/build_context.hpp"
#include "bundler/project/plan.hpp"
#include "bundler/project/toolchain.hpp"
#include "core/process.hpp"
#include "core/task_graph.hpp"

namespace sls {

// What the compile stage made of one planned function.
struct BuiltFunction {
  const PlannedFunction* planned = nullptr;
  std::optional<std::filesystem::path> artifact;  // bootstrap or function.wasm; nullopt when it failed
  std::string artifact_key;                       // the content-store key of the artifact (stable across builds)
  // Each source that compiled: its result key (covers source, headers, flags)
  // and the precompiled prelude it started from, which the linter uses too.
  struct Unit {
    std::string source;
    std::string key;
    std::filesystem::path prelude_pch;
    std::optional<analyzers::LintReport> lint_report;  // when it was linted in the parse that compiled it
  };
  std::vector<Unit> units;
};

// The compiler's version line, part of every cache key.
std::string compiler_identity(ProcessRunner& runner, const Toolchain& toolchain);

// The compile and link steps of a build, as steps of the build's task graph.
class CompileStage {
public:
  // Every function of the context's plan that compiles (prebuilt modules have no steps).
  explicit CompileStage(const BuildContext& context);
  ~CompileStage();
  CompileStage(const CompileStage&) = delete;
  CompileStage& operator=(const CompileStage&) = delete;

  // Adds the steps every function of a target needs: prelude, glue, lib/.
  void add_target_steps(TaskGraph& graph);
  // Adds the compile and link steps of plan[i] (after add_target_steps).
  void add_function_steps(TaskGraph& graph, std::size_t i);

  // For plan[i]: the step after which its sources are compiled (see
  // built(i).units), and the one after which its executable is in place
  // (built(i).artifact) or has failed.
  TaskGraph::TaskId compiled_step(std::size_t i) const;
  TaskGraph::TaskId linked_step(std::size_t i) const;
  const BuiltFunction& built(std::size_t i) const;

  // The steps that report progress: per target its lib/ compiles, per
  // function its compiles and its link.
  std::size_t step_count() const;

private:
  struct State;
  const BuildContext& m_context;
  std::unique_ptr<State> m_state;
};

}  // namespace sls

#pragma once
// Stage 4: compile and link. The runtime glue is compiled once per target
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

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bundler/project/project_layout.hpp"
#include "cache/step_cache.hpp"
#include "bundler/project/toolchain.hpp"
#include "config/project_config.hpp"
#include "core/diagnostics.hpp"
#include "core/process.hpp"
#include "core/progress.hpp"
#include "core/task_graph.hpp"

namespace sls {

// What the build did, for its report ("a no-op build runs no step").
struct StepCounts {
  std::size_t compiled = 0, compile_hits = 0, linked = 0, link_hits = 0, packaged = 0, package_hits = 0;
};

struct CompileCounters {
  std::atomic<std::size_t> compiled{0};      // compiler runs
  std::atomic<std::size_t> compile_hits{0};  // objects taken from the cache
  std::atomic<std::size_t> linked{0};        // linker runs
  std::atomic<std::size_t> link_hits{0};     // executables taken from the cache
  std::atomic<std::size_t> packaged{0};      // zips written
  std::atomic<std::size_t> package_hits{0};  // zips reused from the previous output
  StepCounts snapshot() const { return {compiled, compile_hits, linked, link_hits, packaged, package_hits}; }
};

struct CompileContext {
  const ProjectLayout& layout;
  const Toolchain& toolchain;
  ProcessRunner& runner;
  Diagnostics& diagnostics;
  std::filesystem::path work_dir;  // .sls/build
  Optimize optimize = Optimize::Speed;
  unsigned jobs = 1;
  ContentStore& store;
  FileHasher& hasher;
  CompileCounters& counters;
  Progress& progress;
};

struct FunctionBuildRequest {
  const FunctionSource* function;
  Target target;
  std::vector<std::string> link_libraries;  // [functions] link: -l<name> each (native)
};

struct BuiltFunction {
  std::string name;
  Target target = Target::Native;
  std::optional<std::filesystem::path> artifact;  // bootstrap or function.wasm; nullopt when it failed
  std::string artifact_key;  // the content-store key of the artifact (stable across builds)
  // Each source that compiled: its result key (covers source, headers, flags)
  // and the precompiled prelude it started from, which the linter uses too.
  struct Unit {
    std::string source;
    std::string key;
    std::filesystem::path prelude_pch;
  };
  std::vector<Unit> units;
};

// The compiler's version line, part of every cache key.
std::string compiler_identity(ProcessRunner& runner, const Toolchain& toolchain);

// The compile and link steps of a build, as steps of the build's task graph.
class CompileStage {
public:
  CompileStage(const CompileContext& context, const std::vector<FunctionBuildRequest>& requests);
  ~CompileStage();
  CompileStage(const CompileStage&) = delete;
  CompileStage& operator=(const CompileStage&) = delete;

  // Adds the steps every function of a target needs: prelude, glue, lib/.
  void add_target_steps(TaskGraph& graph);
  // Adds request i's compile and link steps (after add_target_steps).
  void add_function_steps(TaskGraph& graph, std::size_t i);

  // For request i: the step after which its sources are compiled (see
  // built(i).units), and the one after which its executable is in place
  // (built(i).artifact) or has failed.
  TaskGraph::TaskId compiled_step(std::size_t i) const;
  TaskGraph::TaskId linked_step(std::size_t i) const;
  const BuiltFunction& built(std::size_t i) const;
  std::size_t size() const;

private:
  struct State;
  const CompileContext& m_context;
  std::unique_ptr<State> m_state;
};

}  // namespace sls

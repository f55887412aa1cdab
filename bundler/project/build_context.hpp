#pragma once
// What every stage of `sls build` shares: the loaded project, the process
// runner, the diagnostics sink, the caches and the progress line. Each stage
// takes the context and its own inputs; nothing else is global.

#include <atomic>
#include <cstddef>
#include <filesystem>

#include "bundler/project/project.hpp"
#include "cache/content_store.hpp"
#include "cache/file_hasher.hpp"
#include "core/diagnostics.hpp"
#include "core/process.hpp"
#include "core/progress.hpp"

namespace sls {

// What the build did, for its report ("a no-op build runs no step").
struct StepCounts {
  std::size_t compiled = 0, compile_hits = 0, linked = 0, link_hits = 0, packaged = 0, package_hits = 0;
  std::size_t runtime_compiled = 0, runtime_hits = 0;  // objects of sls's runtime glue
  std::size_t linked_directly = 0;                      // of linked: the linker run without the driver's process
};

// Counted by the stages while they run on the task graph's threads.
struct BuildCounters {
  std::atomic<std::size_t> compiled{0};      // compiler runs
  std::atomic<std::size_t> compile_hits{0};  // objects taken from the cache
  std::atomic<std::size_t> linked{0};        // linker runs
  std::atomic<std::size_t> link_hits{0};     // executables taken from the cache
  std::atomic<std::size_t> packaged{0};      // zips written
  std::atomic<std::size_t> package_hits{0};  // zips reused from the previous output
  std::atomic<std::size_t> runtime_compiled{0};  // glue objects compiled (none when the user cache has them)
  std::atomic<std::size_t> runtime_hits{0};      // glue objects taken from the store (the remote cache's included)
  std::atomic<std::size_t> linked_directly{0};   // links run as the linker alone (docs/lint.md, "One parse")
  StepCounts snapshot() const {
    return {compiled,     compile_hits,     linked,       link_hits, packaged,
            package_hits, runtime_compiled, runtime_hits, linked_directly};
  }
};

struct BuildContext {
  const LoadedProject& project;
  ProcessRunner& runner;
  Diagnostics& diagnostics;
  std::filesystem::path work_dir;  // .sls/build
  ContentStore& store;
  FileHasher& hasher;
  Progress& progress;
  BuildCounters& counters;

  const ProjectLayout& layout() const { return project.layout; }
  const Toolchain& toolchain() const { return project.toolchain; }
  Optimize optimize() const { return project.config.optimize; }
};

}  // namespace sls

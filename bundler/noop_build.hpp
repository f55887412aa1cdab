#pragma once
// The no-op build: when the build log (cache/build_log.hpp) says that no
// input, folder, flag or tool changed since the last successful build and the
// output is the one it left, `sls build` replays what that build reported
// (its warnings and lint findings, its counts) instead of building: nothing is
// read from the store, nothing is re-hashed, the lint engine is not loaded and
// the output is not touched. Anything else is a full build, which writes the
// next log (docs/performance.md).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "bundler/pipeline.hpp"
#include "cache/build_log.hpp"
#include "cache/file_hasher.hpp"

namespace sls {

// What a build knows before it loads the project: when it started (for the
// racy-timestamp rule) and the project's folders as they were then.
struct BuildStart {
  std::int64_t started_ns = 0;
  std::vector<FolderListing> folders;
};
BuildStart begin_build_log(const std::filesystem::path& project_dir);

// Everything a no-op compares that is not a file: the compile commands of
// every unit, the link settings, the tools, the options, sls itself.
std::string build_log_context(const LoadedProject& project, const BuildOptions& options,
                              const std::string& compile_commands);

// Fills `summary` (and `diagnostics`) from the log and returns true when the
// log is valid and nothing changed; otherwise notes why in summary.build_log.
bool replay_build_log(const LoadedProject& project, const std::string& context, const BuildStart& start,
                      BuildSummary& summary, Diagnostics& diagnostics);

// After a full build: records it when it succeeded and none of its inputs is
// racy; otherwise removes the log, so the next build is a full one.
// `reported` are the diagnostics of the build stages (after loading).
void record_build_log(const LoadedProject& project, const std::string& context, const BuildStart& start,
                      const FileHasher& hasher, const BuildSummary& summary, const std::vector<Diagnostic>& reported);

}  // namespace sls

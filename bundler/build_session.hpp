#pragma once
// The resources one `sls build` opens and closes around its stages: the
// shared store (with the remote cache behind it), the remembered file
// hashes, the progress line and the step counters. It hands the stages a
// BuildContext and, at the end, saves what must survive the build.

#include <memory>

#include "bundler/project/build_context.hpp"
#include "bundler/project/project.hpp"
#include "cache/content_store.hpp"
#include "cache/file_hasher.hpp"
#include "cache/remote_cache.hpp"
#include "core/diagnostics.hpp"
#include "core/process.hpp"
#include "core/progress.hpp"

namespace sls {

class BuildSession {
public:
  BuildSession(const LoadedProject& project, Progress::Style progress, ProcessRunner& runner, Diagnostics& diagnostics);
  BuildSession(const BuildSession&) = delete;
  BuildSession& operator=(const BuildSession&) = delete;

  const BuildContext& context() const { return m_context; }
  Progress& progress() { return m_progress; }

  // Saves the file hashes, clears the progress line, waits for the uploads
  // to the remote cache, reports an unusable
  // remote cache once, and keeps the store within its size limit when this
  // build added to it. Returns what the build's steps did.
  StepCounts finish();

private:
  std::unique_ptr<RemoteCache> m_remote;  // SLS_REMOTE_CACHE
  ContentStore m_store;
  FileHasher m_hasher;
  Progress m_progress;
  BuildCounters m_counters;
  BuildContext m_context;
};

}  // namespace sls

#include "bundler/build_session.hpp"

#include "core/cache_dir.hpp"

namespace sls {

BuildSession::BuildSession(const LoadedProject& project, Progress::Style progress, ProcessRunner& runner,
                           Diagnostics& diagnostics)
    : m_remote(remote_cache_from_environment()),
      m_store(user_cache_dir() / "store"),
      m_hasher(state_dir_for(project.layout.root) / "build" / "file-hashes"),
      m_progress(progress),
      m_context{project, runner,   diagnostics, state_dir_for(project.layout.root) / "build",
                m_store, m_hasher, m_progress,  m_counters} {
  m_store.use_remote(m_remote.get());
}

StepCounts BuildSession::finish() {
  m_hasher.save();
  m_progress.finish();
  if (m_remote) m_remote->drain();  // the uploads this build queued, before it reports
  if (m_remote && !m_remote->problem().empty())
    m_context.diagnostics.warning(
        {}, "the remote cache " + m_remote->base_url() + " was left out of this build: " + m_remote->problem(),
        "hint: results still went to the local cache; check SLS_REMOTE_CACHE and the server");
  StepCounts steps = m_counters.snapshot();
  // Only builds that added to the store can have grown it past its limit.
  if (steps.compiled + steps.linked > 0) {
    if (auto limit = configured_cache_limit()) m_store.prune(*limit);
    else m_context.diagnostics.warning({}, limit.error().message + "; the cache was not pruned");
  }
  return steps;
}

}  // namespace sls

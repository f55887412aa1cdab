#pragma once
// A project, an install layout and a user cache in temporary folders, loaded
// the way `sls build` loads them, plus everything a BuildContext needs, for
// unit tests of single stages. The process runner is a fake: no compiler runs,
// and the one parse (which compiles in the lint engine, not through the
// runner) is off, so that every compile is a command the fake records.

#include <cstdlib>
#include <optional>

#include "bundler/project/build_context.hpp"
#include "bundler/project/project.hpp"
#include "tests/support/fake_process_runner.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::testing {

// Points SLS_SHARE_DIR and SLS_CACHE_DIR at folders of the test while it lives.
class ScopedEnv {
public:
  ScopedEnv(const char* name, const std::string& value) : m_name(name) {
    if (const char* old = std::getenv(name)) m_old = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { m_old ? ::setenv(m_name, m_old->c_str(), 1) : ::unsetenv(m_name); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
  const char* m_name;
  std::optional<std::string> m_old;
};

class StageFixture {
public:
  StageFixture()
      : m_share_env("SLS_SHARE_DIR", (temp.root() / "share").string()),
        m_cache_env("SLS_CACHE_DIR", (temp.root() / "cache").string()), m_one_parse_env("SLS_ONE_PARSE", "0") {
    temp.write("share/sdk/include/sls/function.hpp", "// the SDK\n");
    temp.write("share/runtime/common/glue.cpp", "// common glue\n");
    temp.write("share/runtime/native/main.cpp", "// native glue\n");
  }

  // Loads project/ (files written with `temp.write("project/…")` first).
  const BuildContext& load() {
    m_project = load_project(temp.root() / "project", std::nullopt, diagnostics);
    if (!m_project) throw std::runtime_error("the test project did not load");
    m_context.emplace(BuildContext{
        *m_project, runner, diagnostics, state_dir_for(m_project->layout.root) / "build", m_store,
        m_hasher.emplace(state_dir_for(m_project->layout.root) / "build" / "file-hashes"), m_progress, counters});
    return *m_context;
  }

  // A new build of the same project: fresh counters and file hashes read back.
  const BuildContext& reload() {
    m_hasher->save();
    counters.compiled = counters.compile_hits = counters.linked = counters.link_hits = 0;
    counters.packaged = counters.package_hits = 0;
    runner.clear();
    return load();
  }

  TempDir temp{"sls-stage-test"};
  FakeProcessRunner runner;
  Diagnostics diagnostics;
  BuildCounters counters;

private:
  ScopedEnv m_share_env, m_cache_env, m_one_parse_env;
  ContentStore m_store{temp.root() / "cache" / "store"};
  std::optional<FileHasher> m_hasher;
  Progress m_progress{Progress::Style::Silent};
  std::optional<LoadedProject> m_project;
  std::optional<BuildContext> m_context;
};

}  // namespace sls::testing

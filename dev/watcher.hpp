#pragma once
// Watching a project for saves with inotify: every folder below the project (new ones as they
// appear) except .sls/ (sls's own state) and .git/, plus sls.toml at the top; other files at the
// top (compile_commands.json, which every build rewrites) are not the project's sources. A burst
// of events (an editor's write-rename-chmod, a `git checkout`) is one change: wait_for_change
// returns only once the project has been quiet for the debounce time.

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/expected.hpp"

namespace sls::dev {

class Watcher {
public:
  static Expected<std::unique_ptr<Watcher>> open(const std::filesystem::path& project_dir);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Blocks until something changed and the project then stayed quiet for `debounce`; returns a
  // changed path (project-relative) for the log, or nullopt once stop() was called.
  std::optional<std::string> wait_for_change(std::chrono::milliseconds debounce);

  // Wakes wait_for_change from another thread. Idempotent.
  void stop();

private:
  Watcher(std::filesystem::path root, int inotify_fd, int stop_fd);
  void watch_tree(const std::filesystem::path& dir);
  // Reads the queued events; returns a relevant changed path, or empty when none was relevant.
  std::string drain_events();
  // Waits up to `timeout` (-1: forever) for events or stop; false when stopped.
  bool wait_readable(int timeout_ms);

  std::filesystem::path m_root;
  int m_inotify_fd = -1;
  int m_stop_fd = -1;                              // an eventfd
  std::map<int, std::filesystem::path> m_watched;  // watch descriptor -> folder
};

}  // namespace sls::dev

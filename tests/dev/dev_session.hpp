#pragma once
// `sls dev` under test: started on a free port (--port 0, the port read from its "serving" line)
// on a project folder, its stderr kept in a file, its temp folders in a private TMPDIR so a test
// can see that none is left behind. Every wait is bounded; the destructor stops what is still
// running.

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"

namespace sls::testing {

class DevSession {
public:
  // Runs `sls dev PROJECT --port 0 -j 1 --no-lint EXTRA...` and waits for it to serve.
  explicit DevSession(const std::filesystem::path& project, const std::vector<std::string>& extra_args = {});
  ~DevSession();
  DevSession(const DevSession&) = delete;
  DevSession& operator=(const DevSession&) = delete;

  bool serving() const { return m_port != 0; }
  std::uint16_t port() const { return m_port; }
  pid_t pid() const { return m_pid; }
  const std::filesystem::path& temp_dir() const { return m_tmp.path(); }

  std::string log() const;
  // True once `text` appears at least `count` times in the log.
  bool wait_for_log(const std::string& text, std::chrono::milliseconds timeout, std::size_t count = 1) const;
  std::size_t count_in_log(const std::string& text) const;

  // SIGINT, then waits for the exit; the exit status, or nullopt when it did not exit in time.
  std::optional<int> interrupt(std::chrono::milliseconds timeout);

private:
  TempDir m_tmp{"sls-dev-test"};
  std::filesystem::path m_log_path;
  pid_t m_pid = -1;
  std::uint16_t m_port = 0;
  bool m_exited = false;
};

// The processes whose parent is `parent` (from /proc).
std::vector<pid_t> children_of(pid_t parent);
// The state letter of /proc/PID/stat ('S' sleeping, 'T' stopped, …), or 0 when it is gone.
char process_state(pid_t pid);

// examples/NAME or tests/dev/projects/NAME copied into `to` (without .sls/).
void copy_example(const std::string& example, const std::filesystem::path& to);
void copy_test_project(const std::string& name, const std::filesystem::path& to);

}  // namespace sls::testing

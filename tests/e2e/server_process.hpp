#pragma once
// A server a test starts on 127.0.0.1 (nginx, distccd): spawned with its
// output in a log file, stopped in the destructor (SIGTERM, then SIGKILL),
// so no test leaves one running, also when an assertion fails.

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace sls::e2e {

class ServerProcess {
public:
  // Starts `argv` with the test's environment plus `extra_env`; stdout and stderr go to `log`.
  ServerProcess(const std::vector<std::string>& argv, const std::filesystem::path& log,
                const std::map<std::string, std::string>& extra_env = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool running() const { return m_pid > 0; }
  // True once something accepts connections on 127.0.0.1:`port` (false after `timeout` or if it exited).
  bool wait_for_port(std::uint16_t port, std::chrono::milliseconds timeout);
  // SIGKILL now, as a crash would: the server dies with requests in flight.
  void kill_now();

private:
  pid_t m_pid = -1;
};

// Whether the file at `path` contains `text`.
bool file_contains(const std::filesystem::path& path, const std::string& text);

}  // namespace sls::e2e

#include "tests/e2e/server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "core/file_system.hpp"
#include "core/process.hpp"
#include "tests/support/loopback.hpp"

namespace sls::e2e {
namespace {

using namespace std::chrono_literals;

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Reaps the child if it has exited; true when it has.
bool exited(pid_t pid, std::chrono::milliseconds within) {
  auto deadline = std::chrono::steady_clock::now() + within;
  do {
    if (::waitpid(pid, nullptr, WNOHANG) == pid) return true;
    std::this_thread::sleep_for(10ms);
  } while (std::chrono::steady_clock::now() < deadline);
  return false;
}

}  // namespace

ServerProcess::ServerProcess(const std::vector<std::string>& argv, const std::filesystem::path& log,
                             const std::map<std::string, std::string>& extra_env) {
  auto env = current_environment();
  for (const auto& [name, value] : extra_env) env[name] = value;
  std::vector<std::string> env_storage, arg_storage = argv;
  for (const auto& [name, value] : env) env_storage.push_back(name + "=" + value);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  auto args = pointers_to(arg_storage);
  auto envp = pointers_to(env_storage);
  if (::posix_spawnp(&m_pid, args[0], &actions, nullptr, args.data(), envp.data()) != 0) m_pid = -1;
  posix_spawn_file_actions_destroy(&actions);
}

ServerProcess::~ServerProcess() {
  if (m_pid <= 0) return;
  ::kill(m_pid, SIGTERM);
  if (!exited(m_pid, 3000ms)) kill_now();
}

void ServerProcess::kill_now() {
  if (m_pid <= 0) return;
  ::kill(m_pid, SIGKILL);
  ::waitpid(m_pid, nullptr, 0);
  m_pid = -1;
}

bool ServerProcess::wait_for_port(std::uint16_t port, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (m_pid <= 0 || ::waitpid(m_pid, nullptr, WNOHANG) == m_pid) {
      m_pid = -1;  // it exited (reaped just now): nothing to stop later
      return false;
    }
    if (testing::accepts_connections(port)) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

bool file_contains(const std::filesystem::path& path, const std::string& text) {
  auto bytes = read_file(path);
  return bytes && bytes->find(text) != std::string::npos;
}

}  // namespace sls::e2e

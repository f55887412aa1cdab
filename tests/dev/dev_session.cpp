#include "tests/dev/dev_session.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "core/process.hpp"
#include "tests/e2e/e2e_support.hpp"

namespace sls::testing {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// The first build of a project copy may compile everything once; later ones hit the test cache.
constexpr auto k_first_build = 300s;

}  // namespace

DevSession::DevSession(const fs::path& project, const std::vector<std::string>& extra_args) {
  m_log_path = m_tmp.path() / "sls-dev.log";
  fs::create_directories(m_tmp.path() / "tmp");
  std::vector<std::string> argv = {
      e2e::sls_binary().string(), "dev", project.string(), "--port", "0", "-j", "1", "--no-lint"};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  auto env = current_environment();
  env["SLS_CACHE_DIR"] = SLS_TEST_CACHE_DIR;  // the e2e tests' shared cache, never the user's
  env["TMPDIR"] = (m_tmp.path() / "tmp").string();
  std::vector<std::string> env_storage;
  for (const auto& [name, value] : env) env_storage.push_back(name + "=" + value);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, m_log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  auto args = pointers_to(argv);
  auto envp = pointers_to(env_storage);
  if (::posix_spawn(&m_pid, argv[0].c_str(), &actions, nullptr, args.data(), envp.data()) != 0) m_pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  if (m_pid <= 0 || !wait_for_log("sls: serving http://", k_first_build)) return;
  std::smatch match;
  std::string text = log();
  if (std::regex_search(text, match, std::regex(R"(serving http://[^ ]*:(\d+))")))
    m_port = static_cast<std::uint16_t>(std::stoi(match[1]));
}

DevSession::~DevSession() {
  if (m_pid > 0 && !m_exited && !interrupt(10s)) {
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
  }
}

std::string DevSession::log() const {
  std::ifstream in(m_log_path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t DevSession::count_in_log(const std::string& text) const {
  std::string all = log();
  std::size_t count = 0;
  for (auto at = all.find(text); at != std::string::npos; at = all.find(text, at + text.size())) ++count;
  return count;
}

bool DevSession::wait_for_log(const std::string& text, std::chrono::milliseconds timeout, std::size_t count) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (count_in_log(text) >= count) return true;
    if (m_pid > 0 && process_state(m_pid) == 'Z') return count_in_log(text) >= count;  // it ended: no more log
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

std::optional<int> DevSession::interrupt(std::chrono::milliseconds timeout) {
  if (m_pid <= 0 || m_exited) return std::nullopt;
  ::kill(m_pid, SIGINT);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
      m_exited = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(20ms);
  }
  return std::nullopt;
}

std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> children;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    std::string name = entry.path().filename();
    if (name.empty() || !std::isdigit(static_cast<unsigned char>(name[0]))) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    std::getline(stat, line);
    auto close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(line.substr(close + 2));
    char state;
    pid_t ppid = 0;
    fields >> state >> ppid;
    if (ppid == parent) children.push_back(std::stoi(name));
  }
  return children;
}

char process_state(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return 0;
  auto close = line.rfind(')');
  return close == std::string::npos || close + 2 >= line.size() ? 0 : line[close + 2];
}

void copy_example(const std::string& example, const fs::path& to) {
  e2e::copy_project(e2e::source_dir() / "examples" / example, to);
}

void copy_test_project(const std::string& name, const fs::path& to) {
  e2e::copy_project(e2e::source_dir() / "tests" / "dev" / "projects" / name, to);
}

}  // namespace sls::testing

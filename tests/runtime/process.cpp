#include "process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace sls::test {

namespace {
std::atomic<int> g_child_counter{0};

int decode_status(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

// Only async-signal-safe calls between fork and exec.
[[noreturn]] void exec_child(const ProcessSpec& spec, char** argv, char** envp, int in, int out, int err) {
  ::dup2(in, 0);
  ::dup2(out, 1);
  ::dup2(err, 2);
  if (!spec.working_dir.empty() && ::chdir(spec.working_dir.c_str()) != 0) ::_exit(126);
  ::execvpe(argv[0], argv, envp);
  ::_exit(127);
}

std::vector<char*> c_strings(std::vector<std::string>& storage) {
  std::vector<char*> out;
  for (auto& text : storage) out.push_back(text.data());
  out.push_back(nullptr);
  return out;
}
}  // namespace

Child::Child(const ProcessSpec& spec, const std::filesystem::path& scratch) {
  const auto tag = std::to_string(::getpid()) + "-" + std::to_string(g_child_counter++);
  const auto in_path = scratch / ("stdin-" + tag);
  m_out_path = scratch / ("stdout-" + tag);
  m_err_path = scratch / ("stderr-" + tag);
  write_file(in_path, spec.stdin_data);
  std::vector<std::string> argv_storage = spec.argv;
  std::vector<std::string> env_storage;
  for (const auto& [name, value] : spec.env) env_storage.push_back(name + "=" + value);
  auto argv = c_strings(argv_storage);
  auto envp = c_strings(env_storage);
  const int in = ::open(in_path.c_str(), O_RDONLY | O_CLOEXEC);
  const int out = ::open(m_out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int err = ::open(m_err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (in >= 0 && out >= 0 && err >= 0) {
    m_pid = ::fork();
    if (m_pid == 0) exec_child(spec, argv.data(), envp.data(), in, out, err);
  }
  for (int fd : {in, out, err}) {
    if (fd >= 0) ::close(fd);
  }
}

Child::~Child() { kill(); }

std::optional<int> Child::wait(std::chrono::milliseconds timeout) {
  if (m_exit_code || m_pid <= 0) return m_exit_code;
  const auto give_up = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
      m_exit_code = decode_status(status);
      return m_exit_code;
    }
    if (std::chrono::steady_clock::now() >= give_up) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void Child::kill() {
  if (m_pid <= 0 || m_exit_code) return;
  ::kill(m_pid, SIGKILL);  // only the child this object started, by its pid
  int status = 0;
  ::waitpid(m_pid, &status, 0);
  m_exit_code = -1;
}

std::string Child::out() const { return read_file(m_out_path); }
std::string Child::err() const { return read_file(m_err_path); }

ProcessResult run_process(const ProcessSpec& spec, const std::filesystem::path& scratch,
                          std::chrono::milliseconds timeout) {
  Child child(spec, scratch);
  ProcessResult result;
  if (!child.started()) {
    result.err = "cannot start " + (spec.argv.empty() ? std::string("?") : spec.argv[0]);
    return result;
  }
  const auto code = child.wait(timeout);
  result.timed_out = !code;
  if (!code) child.kill();
  result.exit_code = code.value_or(-1);
  result.out = child.out();
  result.err = child.err();
  return result;
}

std::vector<std::pair<std::string, std::string>> inherited_env(
    std::vector<std::pair<std::string, std::string>> overrides) {
  std::vector<std::pair<std::string, std::string>> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string text(*entry);
    const auto eq = text.find('=');
    const auto name = text.substr(0, eq);
    bool overridden = false;
    for (const auto& override_entry : overrides) overridden = overridden || override_entry.first == name;
    if (!overridden && eq != std::string::npos) env.emplace_back(name, text.substr(eq + 1));
  }
  env.insert(env.end(), overrides.begin(), overrides.end());
  return env;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path != nullptr ? path : "";
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const std::filesystem::path dir(std::string(rest.substr(0, colon)));
    if (::access((dir / program).c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return false;
}

}  // namespace sls::test

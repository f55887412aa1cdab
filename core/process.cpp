#include "core/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>

extern char** environ;

namespace sls {
namespace {

struct Pipe {
  int read_end = -1;
  int write_end = -1;
  bool open() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return false;
    read_end = fds[0];
    write_end = fds[1];
    return true;
  }
  static void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  ~Pipe() {
    close_fd(read_end);
    close_fd(write_end);
  }
};

std::vector<std::string> flatten_environment(const std::map<std::string, std::string>& env) {
  std::vector<std::string> entries;
  for (const auto& [name, value] : env) entries.push_back(name + "=" + value);
  return entries;
}

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// How long poll() may wait before the child's time is up: -1 without a timeout, 0 once it has
// passed (the child is then killed, once, and its pipes drain as they close).
int poll_timeout(const std::optional<std::chrono::steady_clock::time_point>& deadline, pid_t pid,
                 ProcessResult& result) {
  if (!deadline || result.timed_out) return -1;
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
  if (left.count() > 0) return static_cast<int>(left.count()) + 1;
  ::kill(pid, SIGKILL);
  result.timed_out = true;
  return -1;
}

// Feeds stdin and drains stdout/stderr together so neither pipe can fill up
// and deadlock the child.
void pump(pid_t pid, const std::optional<std::chrono::milliseconds>& timeout, Pipe& in, Pipe& out, Pipe& err,
          std::string_view input, ProcessResult& result) {
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (timeout) deadline = std::chrono::steady_clock::now() + *timeout;
  std::size_t written = 0;
  if (input.empty()) Pipe::close_fd(in.write_end);
  std::array<char, 65536> buffer;
  while (out.read_end >= 0 || err.read_end >= 0) {
    std::array<pollfd, 3> fds{{{out.read_end, POLLIN, 0}, {err.read_end, POLLIN, 0}, {in.write_end, POLLOUT, 0}}};
    int ready = ::poll(fds.data(), fds.size(), poll_timeout(deadline, pid, result));
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (ready == 0) continue;
    if (fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) {
      ssize_t n = ::write(in.write_end, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 || written == input.size()) Pipe::close_fd(in.write_end);
    }
    for (auto [index, target, pipe] :
         {std::tuple{0, &result.stdout_data, &out}, std::tuple{1, &result.stderr_data, &err}}) {
      if (!(fds[index].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(pipe->read_end, buffer.data(), buffer.size());
      if (n > 0)
        target->append(buffer.data(), static_cast<std::size_t>(n));
      else if (n == 0 || errno != EINTR)
        Pipe::close_fd(pipe->read_end);
    }
  }
  Pipe::close_fd(in.write_end);
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

}  // namespace

Expected<ProcessResult> SystemProcessRunner::run(const ProcessSpec& spec) {
  if (spec.argv.empty()) return make_error("no command to run");
  Pipe in, out, err;
  if (!in.open() || !out.open() || !err.open()) return make_error(std::string("pipe: ") + std::strerror(errno));

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read_end, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write_end, 1);
  posix_spawn_file_actions_adddup2(&actions, err.write_end, 2);
  if (!spec.working_directory.empty()) posix_spawn_file_actions_addchdir_np(&actions, spec.working_directory.c_str());

  std::vector<std::string> argv_storage = spec.argv;
  std::vector<char*> argv = pointers_to(argv_storage);
  std::vector<std::string> env_storage;
  std::vector<char*> envp;
  if (spec.environment) {
    env_storage = flatten_environment(*spec.environment);
    envp = pointers_to(env_storage);
  }
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), spec.environment ? envp.data() : environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return make_error("cannot run " + spec.argv[0] + ": " + std::strerror(rc));

  Pipe::close_fd(in.read_end);
  Pipe::close_fd(out.write_end);
  Pipe::close_fd(err.write_end);
  ProcessResult result;
  pump(pid, spec.timeout, in, out, err, spec.stdin_data, result);
  result.exit_code = wait_for(pid);
  return result;
}

std::map<std::string, std::string> current_environment() {
  std::map<std::string, std::string> env;
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string_view item(*entry);
    auto eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(item.substr(0, eq)), std::string(item.substr(eq + 1)));
  }
  return env;
}

std::optional<std::filesystem::path> find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!dirs.empty()) {
    auto colon = dirs.find(':');
    std::filesystem::path candidate = std::filesystem::path(std::string(dirs.substr(0, colon))) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
  }
  return std::nullopt;
}

std::string quote_command(const std::vector<std::string>& argv) {
  std::string text;
  for (const auto& arg : argv) {
    if (!text.empty()) text += ' ';
    bool plain = !arg.empty() && arg.find_first_of(" \t\n'\"\\$`*?[]{}()<>|&;") == std::string::npos;
    if (plain) {
      text += arg;
      continue;
    }
    text += '\'';
    for (char c : arg) text += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    text += '\'';
  }
  return text;
}

}  // namespace sls

#include "dev/native_instance.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "bundler/inspect/native_launcher.hpp"
#include "core/file_system.hpp"
#include "dev/console.hpp"
#include "dev/lambda_environment.hpp"

namespace sls::dev {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> flatten(const std::map<std::string, std::string>& env) {
  std::vector<std::string> entries;
  for (const auto& [name, value] : env) entries.push_back(name + "=" + value);
  return entries;
}

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// The child starts as on the platform: its own process group (so a terminal's Ctrl-C reaches
// sls, never the function, and freezing one group stops exactly one instance), no blocked
// signals, and default dispositions for the signals sls ignores or handles.
void set_spawn_attributes(posix_spawnattr_t& attributes) {
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attributes, 0);
  sigset_t none, defaults;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  sigemptyset(&defaults);
  for (int signal : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD}) sigaddset(&defaults, signal);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
}

std::string describe_exit(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return std::string("was killed by ") + ::strsignal(WTERMSIG(status));
  return "ended";
}

}  // namespace

Expected<std::unique_ptr<NativeInstance>> NativeInstance::start(const InspectedBundle& bundle,
                                                                const std::string& label) {
  auto dir = make_temp_directory("sls-dev");
  if (!dir) return dir.error();
  std::unique_ptr<NativeInstance> instance(new NativeInstance(label, *dir));
  if (Status extracted = extract_files(bundle.contents, *dir); !extracted) return extracted.error();
  std::string arn = "arn:aws:lambda:" + aws_region_for(bundle.regions.empty() ? "iad1" : bundle.regions.front()) +
                    ":000000000000:function:" + bundle.function;
  NativeInstance* raw = instance.get();
  auto api = RuntimeApi::start(arn, {[raw] { raw->signal_group(SIGSTOP); }, [raw] { raw->signal_group(SIGCONT); }});
  if (!api) return api.error();
  instance->m_api = std::move(*api);
  if (Status spawned = instance->spawn(bundle); !spawned) return spawned.error();
  return instance;
}

NativeInstance::NativeInstance(std::string label, fs::path dir) : m_label(std::move(label)), m_dir(std::move(dir)) {}

Status NativeInstance::spawn(const InspectedBundle& bundle) {
  auto launch = native_launch_command(bundle.arch, m_dir / bundle.handler);  // an arm64 bootstrap runs under qemu
  if (!launch) return launch.error();
  int output[2];
  if (::pipe2(output, O_CLOEXEC) != 0) return make_error(std::string("pipe: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, output[1], 1);
  posix_spawn_file_actions_adddup2(&actions, output[1], 2);
  posix_spawn_file_actions_addchdir_np(&actions, m_dir.c_str());  // Lambda starts in LAMBDA_TASK_ROOT
  posix_spawnattr_t attributes;
  set_spawn_attributes(attributes);
  std::vector<std::string> env_storage = flatten(lambda_environment(bundle, m_api->address(), m_dir));
  std::vector<char*> envp = pointers_to(env_storage);
  std::vector<std::string> argv_storage = *launch;
  std::vector<char*> argv = pointers_to(argv_storage);
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, argv_storage.front().c_str(), &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(output[1]);
  if (rc != 0) {
    ::close(output[0]);
    return make_error("cannot start " + bundle.handler + " of " + bundle.function + ": " + std::strerror(rc));
  }
  m_pid = pid;
  m_output_fd = output[0];
  m_reaper = std::thread([this] { reap(); });
  m_output_reader = std::thread([this] { copy_output(); });
  return Ok{};
}

NativeInstance::~NativeInstance() {
  m_stopping = true;
  signal_group(SIGKILL);  // a stopped process dies of SIGKILL too, no SIGCONT needed
  if (m_reaper.joinable()) m_reaper.join();
  if (m_api) m_api->stop();
  if (m_output_reader.joinable()) m_output_reader.join();
  if (m_output_fd >= 0) ::close(m_output_fd);
  std::error_code ec;
  fs::remove_all(m_dir, ec);
}

void NativeInstance::signal_group(int signal) const {
  pid_t group = m_pid;
  if (group > 0) ::killpg(group, signal);
}

InvocationOutcome NativeInstance::invoke(const std::string& event_json, std::chrono::milliseconds max_duration) {
  auto future = m_api->submit(event_json, std::chrono::system_clock::now() + max_duration);
  if (future.wait_for(max_duration) == std::future_status::timeout) {
    signal_group(SIGKILL);  // the platform ends the environment of an invocation that timed out
    return {InvocationOutcome::Kind::TimedOut, "",
            "Task timed out after " + std::to_string(max_duration.count()) + " ms"};
  }
  return future.get();
}

// Waits for the bootstrap to end, however it ends; an invocation still waiting then fails. The
// exit is seen first without reaping (WNOWAIT): while the zombie exists its process group id
// cannot be reused, so killing what the bootstrap left in its group hits nothing else.
void NativeInstance::reap() {
  pid_t pid = m_pid;
  siginfo_t info{};
  while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR) {
  }
  ::killpg(pid, SIGKILL);
  m_pid = 0;  // no signal goes to this id from now on
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  m_exited = true;
  std::string how = describe_exit(status);
  if (!m_stopping) print_line("sls: " + m_label + " " + how);
  m_api->fail_all({InvocationOutcome::Kind::Exited, "", "the function's process " + how});
}

// The function's output, one prefixed line at a time, until every writer has closed the pipe
// (or the instance is stopping and the pipe has gone quiet).
void NativeInstance::copy_output() {
  std::string pending;
  char chunk[4096];
  for (;;) {
    pollfd waiting{m_output_fd, POLLIN, 0};
    int ready = ::poll(&waiting, 1, 200);
    if (ready == 0 && m_stopping) break;
    if (ready <= 0) continue;
    ssize_t n = ::read(m_output_fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    pending.append(chunk, static_cast<std::size_t>(n));
    for (std::size_t end; (end = pending.find('\n')) != std::string::npos; pending.erase(0, end + 1))
      print_line("[" + m_label + "] " + pending.substr(0, end));
  }
  if (!pending.empty()) print_line("[" + m_label + "] " + pending);
}

}  // namespace sls::dev

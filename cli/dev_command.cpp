// sls dev [DIR]: build the project and serve it on 127.0.0.1 the way the platform runs it,
// rebuilding on saves, until Ctrl-C (docs/dev-server.md).

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "core/parallel.hpp"
#include "dev/dev_server.hpp"

namespace sls::cli {
namespace {

struct DevCommandOptions {
  std::string project_dir = ".";
  std::string host = "127.0.0.1";
  std::uint16_t port = 3000;
  int instances = 1;
  int idle_timeout_s = 300;
  unsigned jobs = default_job_count();
  std::string target;
  std::string arch;
  bool no_lint = false;
  bool no_watch = false;
};

// SIGINT and SIGTERM only write a byte here; the main thread waits on the other end and does
// the stopping, which is far too much work for a signal handler.
int g_signal_pipe[2] = {-1, -1};

void on_stop_signal(int) {
  int saved = errno;
  [[maybe_unused]] ssize_t n = ::write(g_signal_pipe[1], "x", 1);
  errno = saved;
}

void install_stop_handlers() {
  ::pipe2(g_signal_pipe, O_CLOEXEC | O_NONBLOCK);
  struct sigaction action{};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

void wait_for_stop_signal() {
  pollfd waiting{g_signal_pipe[0], POLLIN, 0};
  while (::poll(&waiting, 1, -1) < 0 && errno == EINTR) {
  }
}

bool is_loopback(const std::string& host) { return host == "localhost" || host == "::1" || host.starts_with("127."); }

void report_build(const BuildSummary& summary, const Diagnostics& diagnostics, double seconds) {
  print_lint_findings(summary);
  print_diagnostics(diagnostics, std::cerr);
  if (summary.config_ok) print_build_totals(summary, seconds);
}

dev::DevOptions dev_options(const DevCommandOptions& options) {
  dev::DevOptions dev;
  dev.project_dir = options.project_dir;
  dev.host = options.host;
  dev.port = options.port;
  dev.instances = options.instances;
  dev.idle_timeout = std::chrono::seconds(options.idle_timeout_s);
  dev.jobs = options.jobs;
  dev.lint = !options.no_lint;
  dev.watch = !options.no_watch;
  if (!options.target.empty()) dev.target_override = parse_target(options.target);
  if (!options.arch.empty()) dev.arch_override = options.arch;
  return dev;
}

int run_dev(const DevCommandOptions& options) {
  install_stop_handlers();
  if (!is_loopback(options.host))
    std::cerr << "sls: warning: serving on " << options.host
              << ", reachable from other machines: sls dev is a development server, not a hardened one\n";
  dev::DevServer server(dev_options(options), report_build);
  if (Status started = server.start(); !started) {
    std::cerr << "sls: " << started.error().message << "\n";
    return k_exit_failed;
  }
  std::string shown_host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::cerr << "sls: serving http://" << shown_host << ":" << server.port() << " ("
            << (options.no_watch ? "not watching" : "watching for changes") << "; Ctrl-C stops)" << std::endl;
  wait_for_stop_signal();
  std::cerr << "sls: stopping" << std::endl;
  server.stop();
  std::cerr << "sls: stopped" << std::endl;
  return k_exit_ok;
}

}  // namespace

void add_dev_command(CLI::App& app) {
  auto options = std::make_shared<DevCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "dev", "Build the project and serve it locally the way the platform runs it, rebuilding on saves");
  command->add_option("dir", options->project_dir, "Project folder (default: the current folder)");
  command->add_option("--port", options->port, "Port to listen on (default 3000; 0 picks a free one)");
  command->add_option("--host", options->host,
                      "Address to listen on (default 127.0.0.1; anything else is reachable from other machines)");
  command->add_option("--instances", options->instances, "Instances kept per function, used round-robin (default 1)")
      ->check(CLI::Range(1, 64));
  command
      ->add_option("--idle-timeout", options->idle_timeout_s,
                   "Seconds an idle instance is kept before it is evicted (default 300)")
      ->check(CLI::Range(1, 86400));
  command->add_option("-j,--jobs", options->jobs, "How many build steps run at once (default: the number of cores)")
      ->check(CLI::PositiveNumber);
  command->add_option("--target", options->target, "Build every function for this target, overriding sls.toml")
      ->check(CLI::IsMember(k_target_names));
  command->add_option("--arch", options->arch, "Build every native function for this CPU, overriding sls.toml")
      ->check(CLI::IsMember(k_native_archs));
  command->add_flag("--no-lint", options->no_lint, "Skip the analyzers in each build");
  command->add_flag("--no-watch", options->no_watch, "Build once and serve; do not rebuild on changes");
  command->footer(
      "Examples:\n  sls dev\n  sls dev examples/quickstart --port 8080\n  sls dev --instances 2 --idle-timeout 30");
  command->callback([options] { throw CLI::RuntimeError(run_dev(*options)); });
}

}  // namespace sls::cli

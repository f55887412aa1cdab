#pragma once
// Running child processes (the compiler, the linker, a function's bootstrap)
// behind an interface, so tests can replace it with a fake.

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/expected.hpp"

namespace sls {

struct ProcessSpec {
  std::vector<std::string> argv;  // argv[0] is looked up on PATH
  // When set, the child's whole environment; otherwise it inherits ours.
  std::optional<std::map<std::string, std::string>> environment;
  std::string stdin_data;
  std::filesystem::path working_directory;  // empty: ours
  // When set, a child still running after this long is killed (SIGKILL) and the result says so.
  std::optional<std::chrono::milliseconds> timeout;
};

struct ProcessResult {
  int exit_code = 0;  // 128 + signal number when killed by a signal
  std::string stdout_data;
  std::string stderr_data;
  bool timed_out = false;  // killed because it ran past ProcessSpec::timeout
};

class ProcessRunner {
public:
  virtual ~ProcessRunner() = default;
  // An Error means the process could not be started at all.
  virtual Expected<ProcessResult> run(const ProcessSpec& spec) = 0;
};

// posix_spawn with pipes; safe to call from several threads at once.
class SystemProcessRunner final : public ProcessRunner {
public:
  Expected<ProcessResult> run(const ProcessSpec& spec) override;
};

// The current environment as a map, to copy and amend for a child.
std::map<std::string, std::string> current_environment();

// The first executable called `name` on PATH.
std::optional<std::filesystem::path> find_on_path(const std::string& name);

// "a b 'c d'" — for messages and explain output, not for a shell.
std::string quote_command(const std::vector<std::string>& argv);

}  // namespace sls

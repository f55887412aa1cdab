// Running the programs these tests build (compilers, bootstraps, node) with a bounded wait.
// Output goes to files, not pipes, so a chatty child can never block on a full pipe.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/temp_dir.hpp"

namespace sls::test {

struct ProcessSpec {
  std::vector<std::string> argv;                         // argv[0] is looked up on PATH
  std::vector<std::pair<std::string, std::string>> env;  // the child's whole environment
  std::string stdin_data;
  std::filesystem::path working_dir;  // empty: inherit
};

struct ProcessResult {
  int exit_code = -1;  // -1 when killed or timed out
  bool timed_out = false;
  std::string out;
  std::string err;
};

// A started child. The destructor kills it if it is still running.
class Child {
public:
  // `scratch` holds the stdin/stdout/stderr files.
  Child(const ProcessSpec& spec, const std::filesystem::path& scratch);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // The exit code once the child exits within `timeout`; nullopt if it is still running.
  std::optional<int> wait(std::chrono::milliseconds timeout);
  void kill();
  std::string out() const;
  std::string err() const;
  bool started() const noexcept { return m_pid > 0; }

private:
  int m_pid = -1;
  std::optional<int> m_exit_code;
  std::filesystem::path m_out_path;
  std::filesystem::path m_err_path;
};

ProcessResult run_process(const ProcessSpec& spec, const std::filesystem::path& scratch,
                          std::chrono::milliseconds timeout);

// The test process's own environment plus `overrides` (replacing same-named entries).
std::vector<std::pair<std::string, std::string>> inherited_env(
    std::vector<std::pair<std::string, std::string>> overrides = {});

// A fresh folder under the system temp folder, removed with the object.
using TempDir = sls::testing::TempDir;

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);
// True when `program` is an executable on PATH.
bool on_path(const std::string& program);

}  // namespace sls::test

#pragma once
// Helpers for end-to-end tests: run the real sls binary on copies of
// projects in temporary folders, and read what it wrote.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/process.hpp"

namespace sls::e2e {

namespace fs = std::filesystem;

// The repository's source folder and the sls binary under test (from CMake).
fs::path source_dir();
fs::path sls_binary();

struct SlsRun {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Runs `sls ARGS...` in `cwd` with extra environment variables (and an optional umask).
SlsRun run_sls(const std::vector<std::string>& args, const fs::path& cwd = {},
               const std::map<std::string, std::string>& extra_env = {}, int umask_value = -1);

// A C function on the sls C SDK that answers 200 with `word`.
std::string tiny_c_function(const std::string& word);

// Gives a test's private cache the runtime glue of the shared test cache (compiled there once for
// the whole run, by a one-function build if no test has yet), so the test pays only for the steps it
// counts: the glue has a counter of its own (steps.runtime_compiled), and a test that is about the
// glue (the remote cache's) starts from an empty cache instead.
void seed_runtime_glue(const fs::path& cache);

// Copies a folder tree (examples/…) to `to`, leaving out any .sls/ state.
void copy_project(const fs::path& from, const fs::path& to);

// Every file under `dir`, relative path -> bytes.
std::map<std::string, std::string> read_tree(const fs::path& dir);

// examples/quickstart copied to `parent`/quickstart with `settings` added under its [build] table,
// as a user would write them (e.g. `arch = "arm64"\n`); returns the copy.
fs::path quickstart_with_build_settings(const fs::path& parent, const std::string& settings);

// Extracts one bundle to a fresh folder (kept until the program exits) and returns it.
fs::path extract_bundle(const fs::path& zip);

// Runs a bundle's executable with an environment, as a child process.
ProcessResult run_program(const fs::path& program, const std::map<std::string, std::string>& env,
                          const std::string& stdin_data = {});

}  // namespace sls::e2e

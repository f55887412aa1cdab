#pragma once
// Helpers for the developer-experience tests: projects made with `sls init`
// in temporary folders, and running other programs (clangd, cmake).

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/process.hpp"
#include "tests/e2e/e2e_support.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::dx {

namespace fs = std::filesystem;
using e2e::run_sls;
using e2e::SlsRun;

// The templates sls ships, in `sls init --list` order.
const std::vector<std::string>& template_names();

// A fresh temporary folder, removed when the object goes out of scope.
using TempDir = sls::testing::TempDir;

// `sls init DIR --template NAME`; fails the current test when sls does.
void init_project(const fs::path& dir, const std::string& template_name);

// Runs any program; exit code 127 and the reason in stderr when it cannot start.
ProcessResult run(const std::vector<std::string>& argv, const fs::path& cwd = {},
                  const std::map<std::string, std::string>& extra_env = {});

// The build tree's cmake and top folder (from CMake), for the install tests.
fs::path cmake_binary();
fs::path build_dir();

}  // namespace sls::dx

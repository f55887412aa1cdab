// Lints the projects given on the command line with the analyzers library and
// writes one SARIF file per project: the input of the SARIF validation test.
// Usage: lint_to_sarif SDK_INCLUDE_DIR OUT_DIR PROJECT_DIR...

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "analyzers/format/formatters.hpp"
#include "analyzers/lint.hpp"

namespace fs = std::filesystem;
using namespace sls::analyzers;

namespace {

std::vector<LintJob> jobs_for(const fs::path& project, const std::string& sdk_include) {
  std::vector<LintJob> jobs;
  for (const auto& entry : fs::recursive_directory_iterator(project / "api")) {
    auto extension = entry.path().extension();
    if (extension != ".cpp" && extension != ".c") continue;
    std::string relative = entry.path().lexically_relative(project).generic_string();
    LintJob job;
    job.file = entry.path().string();
    job.display_path = relative;
    job.compile_args = {"clang++-19", "-std=c++20", "-isystem", sdk_include, "-I", (project / "lib").string()};
    if (extension == ".c")
      job.compile_args = {"clang-19", "-std=c17", "-isystem", sdk_include, "-I", (project / "lib").string()};
    job.directory = project.string();
    jobs.push_back(job);
  }
  std::sort(jobs.begin(), jobs.end(), [](const LintJob& a, const LintJob& b) { return a.file < b.file; });
  return jobs;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: lint_to_sarif SDK_INCLUDE_DIR OUT_DIR PROJECT_DIR...\n";
    return 2;
  }
  int status = 0;
  for (int i = 3; i < argc; ++i) {
    fs::path project = fs::weakly_canonical(fs::absolute(argv[i]));
    LintReport report = lint(jobs_for(project, argv[1]), LintOptions{});
    FormatOptions options;
    options.source_root_uri = "file://" + project.generic_string() + "/";
    fs::path out = fs::path(argv[2]) / (project.filename().string() + ".sarif");
    std::ofstream file(out);
    write_sarif(file, report, options);
    std::cout << out.string() << ": " << report.findings.size() << " findings, " << report.failures.size()
              << " failures\n";
    for (const auto& failure : report.failures) std::cerr << failure.message << "\n";
    if (!report.failures.empty()) status = 2;
  }
  return status;
}

// Runs every file in tests/analyzers/inputs/ through the analyzers and
// compares the findings with the expectations written next to the code:
//
//   alarm(5);  // expect: error sls-posix-timer
//   x = 1;     // expect: warning sls-a; error sls-b
//   y = 2;     /* expect: note sls-c */   (C files)
//
// A line without an `expect:` comment must produce no finding. A file may
// choose a profile with `// lint-profile: snapshot` and ask for unused
// suppressions with `// lint-report-unused-suppressions`.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analyzers/lint.hpp"

namespace {

namespace fs = std::filesystem;
using sls::analyzers::Finding;
using sls::analyzers::LintJob;
using sls::analyzers::LintOptions;

std::vector<std::string> input_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(SLS_ANALYZER_TEST_INPUTS)) {
    auto extension = entry.path().extension();
    if (extension == ".cpp" || extension == ".c") files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string trim(std::string text) {
  auto begin = text.find_first_not_of(" \t");
  auto end = text.find_last_not_of(" \t\r");
  return begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
}

struct Expectations {
  std::vector<std::string> findings;  // "LINE: severity rule"
  LintOptions options;
};

Expectations read_expectations(const fs::path& path) {
  Expectations expected;
  std::ifstream in(path);
  std::string line;
  for (unsigned number = 1; std::getline(in, line); ++number) {
    if (auto at = line.find("// lint-profile:"); at != std::string::npos) {
      expected.options.profile = trim(line.substr(at + 16));
    }
    if (line.find("// lint-report-unused-suppressions") != std::string::npos) {
      expected.options.report_unused_suppressions = true;
    }
    auto at = line.find("// expect:");
    if (at == std::string::npos) at = line.find("/* expect:");
    if (at == std::string::npos) continue;
    std::string list = line.substr(at + 10);
    if (auto close = list.find("*/"); close != std::string::npos) list.erase(close);
    std::stringstream items(list);
    std::string item;
    while (std::getline(items, item, ';')) {
      if (!trim(item).empty()) expected.findings.push_back(std::to_string(number) + ": " + trim(item));
    }
  }
  std::sort(expected.findings.begin(), expected.findings.end());
  return expected;
}

std::vector<std::string> describe(const std::vector<Finding>& findings) {
  std::vector<std::string> lines;
  for (const auto& finding : findings) {
    lines.push_back(std::to_string(finding.position.line) + ": " + severity_name(finding.severity) + " " +
                    finding.rule_id);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

class LintRulesTest : public ::testing::TestWithParam<std::string> {};

// Given an input file with inline expectations, we should report exactly the
// expected findings, at the expected lines, with the expected severities.
TEST_P(LintRulesTest, FindingsMatchInlineExpectations) {
  fs::path file = fs::path(SLS_ANALYZER_TEST_INPUTS) / GetParam();
  Expectations expected = read_expectations(file);
  LintJob job{file.string(), GetParam(), {"clang++-19", "-std=c++20", "-isystem", SLS_ANALYZER_TEST_INCLUDE}, {}};
  if (file.extension() == ".c") job.compile_args = {"clang-19", "-std=c17", "-isystem", SLS_ANALYZER_TEST_INCLUDE};
  auto report = sls::analyzers::lint({job}, expected.options);
  for (const auto& failure : report.failures) ADD_FAILURE() << failure.message;
  EXPECT_EQ(describe(report.findings), expected.findings);
}

INSTANTIATE_TEST_SUITE_P(Inputs, LintRulesTest, ::testing::ValuesIn(input_files()), [](const auto& info) {
  std::string name = info.param;
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
  return name;
});

}  // namespace

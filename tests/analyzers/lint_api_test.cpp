#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "analyzers/lint.hpp"
#include "analyzers/rule_registry.hpp"

namespace {

namespace fs = std::filesystem;
using namespace sls::analyzers;

LintJob job_for(const std::string& name) {
  fs::path file = fs::path(SLS_ANALYZER_TEST_INPUTS) / name;
  return {file.string(), name, {"clang++-19", "-std=c++20", "-isystem", SLS_ANALYZER_TEST_INCLUDE}, {}};
}

// A file written to the test's temporary folder.
LintJob scratch_job(const std::string& name, const std::string& text) {
  fs::path file = fs::path(testing::TempDir()) / name;
  std::ofstream(file) << text;
  return {file.string(), name, {"clang++-19", "-std=c++20"}, {}};
}

// Given a file that does not parse next to one that does, we should report the failure, still check the other file, and
// exit 2.
TEST(Lint, ReportsParseFailuresAndChecksTheOtherFiles) {
  auto broken = scratch_job("broken.cpp", "int main() { return undeclared_name; }\n");
  auto report = lint({broken, job_for("posix_timer.cpp")}, LintOptions{});
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(report.failures[0].path, "broken.cpp");
  EXPECT_NE(report.failures[0].message.find("broken.cpp:1:21: error:"), std::string::npos)
      << report.failures[0].message;
  EXPECT_FALSE(report.findings.empty());
  EXPECT_EQ(exit_status(report), 2);
}

// Given severity overrides, we should apply them after the profile, in order, and drop rules set to off.
TEST(Lint, AppliesSeverityOverridesInOrder) {
  LintOptions options;
  options.severity_overrides = {{"sls-posix-timer", Severity::Note}, {"sls-posix-timer", Severity::Off}};
  auto report = lint({job_for("posix_timer.cpp")}, options);
  EXPECT_TRUE(report.failures.empty());
  EXPECT_TRUE(report.findings.empty());
  EXPECT_EQ(exit_status(report), 0);
  options.severity_overrides = {{"sls-posix-timer", Severity::Warning}};
  report = lint({job_for("posix_timer.cpp")}, options);
  EXPECT_EQ(report.count(Severity::Warning), 4u);
  EXPECT_EQ(exit_status(report), 0);
}

// Given literal data paths, we should list them as traced assets with their locations, and no runtime files.
TEST(Lint, TracesLiteralAssets) {
  auto report = lint({job_for("dynamic_path.cpp")}, LintOptions{});
  std::vector<std::string> assets;
  for (const auto& asset : report.assets) {
    assets.push_back(asset.path + "@" + std::to_string(asset.position.line) + ":" + asset_kind_name(asset.kind));
  }
  EXPECT_EQ(assets, (std::vector<std::string>{"data/pokedex.json@21:ifstream", "data/moves.json@22:ifstream",
                                              "public/logo.png@27:sls-asset", "data/table.bin@28:fopen",
                                              "data/levels@32:filesystem"}));
}

// Given a finding, we should give it the location, message, rationale and source line the formatters need.
TEST(Lint, FillsEveryFieldOfAFinding) {
  auto report = lint({job_for("posix_timer.cpp")}, LintOptions{});
  ASSERT_FALSE(report.findings.empty());
  const auto& first = report.findings.front();
  EXPECT_EQ(first.rule_id, "sls-posix-timer");
  EXPECT_EQ(first.severity, Severity::Error);
  EXPECT_EQ(first.position.path, "posix_timer.cpp");
  EXPECT_EQ(first.position.line, 14u);
  EXPECT_EQ(first.position.column, 3u);
  EXPECT_EQ(first.end_column, 8u);
  EXPECT_EQ(first.source_line, "  alarm(30);  // expect: error sls-posix-timer");
  EXPECT_FALSE(first.rationale.empty());
}

// Given the rule catalogue, we should have a documentation page for every rule and known profiles only.
TEST(RuleRegistry, EveryRuleHasADocPage) {
  for (const auto& rule : all_rules()) {
    fs::path page = fs::path(SLS_DOCS_RULES_DIR) / (std::string(rule.id) + ".md");
    EXPECT_TRUE(fs::exists(page)) << page;
    EXPECT_EQ(help_uri(rule.id), std::string(k_help_uri_base) + std::string(rule.id) + ".md");
  }
  EXPECT_TRUE(is_profile("snapshot"));
  EXPECT_FALSE(is_profile("lambda"));
  EXPECT_EQ(find_rule("sls-init-unique-value")->snapshot, Severity::Error);
}

}  // namespace

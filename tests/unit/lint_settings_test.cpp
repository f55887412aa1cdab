// lint_options_from_config (bundler/project/lint_settings.hpp): the one
// conversion of sls.toml's [lint] that build, lint and the editor share.
#include "bundler/project/lint_settings.hpp"

#include <gtest/gtest.h>

#include "tests/support/planned_function.hpp"

namespace sls {
namespace {

LintSettings settings_of(const std::string& text, Diagnostics& diagnostics) {
  auto config = parse_project_config(text, "sls.toml", "demo", diagnostics);
  EXPECT_TRUE(config) << "sls.toml did not parse";
  return config ? config->lint : LintSettings{};
}

TEST(LintSettingsTest, ProfileAndSeveritiesBecomeOptionsInOrder) {
  // Given a profile and two severities, we should carry the profile and both overrides (toml++ orders them by key).
  Diagnostics diagnostics;
  LintSettings settings = settings_of(
      "[lint]\nprofile = \"snapshot\"\nseverity = { \"sls-dlopen\" = \"off\", \"sls-cached-time\" = \"error\" }\n",
      diagnostics);
  analyzers::LintOptions options = lint_options_from_config(settings, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  EXPECT_EQ(options.profile, "snapshot");
  ASSERT_EQ(options.severity_overrides.size(), 2u);
  EXPECT_EQ(options.severity_overrides[0].first, "sls-cached-time");
  EXPECT_EQ(options.severity_overrides[0].second, analyzers::Severity::Error);
  EXPECT_EQ(options.severity_overrides[1].first, "sls-dlopen");
  EXPECT_EQ(options.severity_overrides[1].second, analyzers::Severity::Off);
}

TEST(LintSettingsTest, AnUnknownRuleIsAnErrorAtItsKeyWithASuggestion) {
  // Given a misspelt rule id, we should report it at its sls.toml line with the rule it resembles, and drop it.
  Diagnostics diagnostics;
  LintSettings settings = settings_of("[lint]\nseverity = { \"sls-dlopn\" = \"off\" }\n", diagnostics);
  analyzers::LintOptions options = lint_options_from_config(settings, diagnostics);
  ASSERT_EQ(diagnostics.count(Severity::Error), 1u);
  const Diagnostic error = diagnostics.all().front();
  EXPECT_EQ(error.location.file, "sls.toml");
  EXPECT_EQ(error.location.line, 2u);
  EXPECT_NE(error.message.find("sls-dlopen"), std::string::npos) << error.message;
  EXPECT_TRUE(options.severity_overrides.empty());
}

TEST(LintSettingsTest, AConcurrentFunctionGetsTheConcurrentInstanceProfile) {
  // Given no [lint] profile, we should lint a function with concurrency 4 under concurrent-instance and
  // one with concurrency 1 under the project's profile.
  Diagnostics diagnostics;
  LintSettings settings = settings_of("", diagnostics);
  analyzers::LintOptions project = lint_options_from_config(settings, diagnostics);
  testing::PlannedFixture single("api/a", "/api/a"), shared("api/b", "/api/b");
  shared.planned.concurrency = 4;
  EXPECT_EQ(lint_options_for_function(project, settings, single.planned).profile, "lambda-default");
  EXPECT_EQ(lint_options_for_function(project, settings, shared.planned).profile, "concurrent-instance");
}

TEST(LintSettingsTest, AnExplicitProfileWinsOverConcurrency) {
  // Given [lint] profile = "lambda-default" written out, we should keep it even for a function with concurrency 4.
  Diagnostics diagnostics;
  LintSettings settings = settings_of("[lint]\nprofile = \"lambda-default\"\n", diagnostics);
  analyzers::LintOptions project = lint_options_from_config(settings, diagnostics);
  testing::PlannedFixture shared("api/b", "/api/b");
  shared.planned.concurrency = 4;
  EXPECT_EQ(lint_options_for_function(project, settings, shared.planned).profile, "lambda-default");
}

}  // namespace
}  // namespace sls

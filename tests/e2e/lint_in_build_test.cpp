// `sls build` runs the analyzers (docs/design.md §7): errors fail the build unless
// --no-lint, warnings are reported and counted in the manifest, and results
// are cached with the compile.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file_system.hpp"
#include "tests/e2e/e2e_support.hpp"

namespace sls::e2e {
namespace {

fs::path copy_example(const std::string& name) {
  fs::path project = *make_temp_directory("sls-e2e-lint") / name;
  copy_project(source_dir() / "examples" / name, project);
  return project;
}

nlohmann::json manifest_of(const fs::path& project) {
  return nlohmann::json::parse(*read_file(project / ".sls/output/manifest.json"));
}

TEST(LintInBuildTest, StateInAGlobalFailsTheBuildWithLocatedErrors) {
  // Given the emulator kept in a global, we should see located sls- errors, exit 1, and the counts in the manifest.
  fs::path project = copy_example("emulator-state");
  SlsRun run = run_sls({"build", project.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("api/emulator.cpp:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("error: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("[sls-request-state-in-global]"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("errors fail the build"), std::string::npos) << run.err;
  auto function = manifest_of(project)["functions"][0];
  EXPECT_GT(function["lint"]["errors"].get<int>(), 0);
  EXPECT_GT(function["lint"]["warnings"].get<int>(), 0);
  EXPECT_EQ(function["status"], "built");  // the bundle is still written; the exit status fails the build
}

TEST(LintInBuildTest, NoLintSkipsTheAnalyzers) {
  // Given --no-lint, we should build the same project with exit 0 and no findings.
  fs::path project = copy_example("emulator-state");
  SlsRun run = run_sls({"build", "--no-lint", project.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err.find("[sls-"), std::string::npos) << run.err;
}

TEST(LintInBuildTest, FixedVersionIsClean) {
  // Given the corrected emulator (state outside the instance), we should build with no lint errors.
  fs::path project = copy_example("emulator-state-fixed");
  SlsRun run = run_sls({"build", project.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(manifest_of(project)["functions"][0]["lint"]["errors"], 0);
}

TEST(LintInBuildTest, SecondBuildReportsTheSameFindingsFromTheCache) {
  // Given an unchanged project built twice, we should lint nothing the second time yet report the same findings.
  fs::path project = copy_example("quickstart");
  SlsRun first = run_sls({"build", project.string()});
  SlsRun second_json = run_sls({"build", "--json", project.string()});
  auto report = nlohmann::json::parse(second_json.out);
  EXPECT_EQ(report["lint"]["units_linted"], 0);
  EXPECT_EQ(report["lint"]["warnings"], 1);  // api/visits.cpp keeps a counter in a global
  SlsRun third = run_sls({"build", project.string()});
  EXPECT_NE(third.err.find("api/visits.cpp:9:12: warning:"), std::string::npos) << third.err;
  EXPECT_NE(first.err.find("api/visits.cpp:9:12: warning:"), std::string::npos) << first.err;
}

TEST(LintInBuildTest, UnknownRuleInConfigIsAConfigError) {
  // Given a misspelt rule id in [lint] severity, we should refuse the config with its location and a hint.
  fs::path project = copy_example("quickstart");
  std::string config =
      *read_file(project / "sls.toml") + "\n[lint]\nseverity = { \"sls-global-mutable-stat\" = \"error\" }\n";
  ASSERT_TRUE(write_file_atomically(project / "sls.toml", config, fs::perms(0644)));
  SlsRun run = run_sls({"build", project.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("did you mean 'sls-global-mutable-state'?"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("nothing was built"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace sls::e2e

#include <gtest/gtest.h>

#include "tests/tree_shaking/tree_shaking_e2e.hpp"

namespace sls::e2e {
namespace {

const BuiltProject& shared_data() {
  static const BuiltProject built = build_copy(source_dir() / "examples" / "shared-data");
  return built;
}

const std::vector<std::string> k_functions = {"api/cities", "api/motd", "api/plain", "api/report"};

TEST(SharedDataTest, Builds) {
  // Given the shared-data example, we should build all four functions.
  EXPECT_EQ(shared_data().build.exit_code, 0) << shared_data().build.err;
}

TEST(SharedDataTest, IncludedAndUnusedFilesAreExactlyWhereTheyBelong) {
  // Given include globs on api/report only, we should ship the CSVs there and nothing extra in api/plain.
  EXPECT_EQ(bundle_paths(shared_data().bundle("api/report")),
            (std::vector<std::string>{"bootstrap", "data/reports/2024.csv", "data/reports/2025.csv", "sls.json"}));
  EXPECT_EQ(bundle_paths(shared_data().bundle("api/plain")), (std::vector<std::string>{"bootstrap", "sls.json"}));
  for (const std::string& function : k_functions)
    EXPECT_EQ(bundle_file(shared_data().bundle(function), "data/unused.txt"), "") << function;
}

TEST(SharedDataTest, TracedFilesAreExactlyWhereTheyAreRead) {
  // Given literals passed to sls::asset and fopen, we should ship each file only to the functions that read it.
  EXPECT_EQ(bundle_paths(shared_data().bundle("api/cities")),
            (std::vector<std::string>{"bootstrap", "data/cities.txt", "data/common/header.txt", "sls.json"}));
  EXPECT_EQ(bundle_paths(shared_data().bundle("api/motd")),
            (std::vector<std::string>{"bootstrap", "data/common/header.txt", "data/motd.txt", "sls.json"}));
}

TEST(SharedDataTest, RunningFunctionsReadTheirTracedFiles) {
  // Given the built bundles, sls invoke should run each function and its file reads should succeed.
  SlsRun cities = run_sls({"invoke", "api/cities"}, shared_data().project);
  EXPECT_NE(cities.out.find("cities of the example\nLYON\nPARIS\n"), std::string::npos) << cities.out << cities.err;
  SlsRun motd = run_sls({"invoke", "api/motd"}, shared_data().project);
  EXPECT_NE(motd.out.find("cities of the example\nhave a nice day\n"), std::string::npos) << motd.out << motd.err;
}

TEST(SharedDataTest, RunningFunctionReadsItsIncludedFiles) {
  // Given api/report and its included CSVs, sls invoke should sum the year asked for.
  SlsRun y2024 = run_sls({"invoke", "api/report", "--path", "/api/report?year=2024"}, shared_data().project);
  EXPECT_NE(y2024.out.find("SHARED-DATA-STATS total=42"), std::string::npos) << y2024.out << y2024.err;
  SlsRun y2025 = run_sls({"invoke", "api/report", "--path", "/api/report?year=2025"}, shared_data().project);
  EXPECT_NE(y2025.out.find("SHARED-DATA-STATS total=3"), std::string::npos) << y2025.out << y2025.err;
}

TEST(SharedDataTest, OnlyTheLibCodeAFunctionCallsIsInItsBootstrap) {
  // Given lib/stats used by api/report alone and lib/unused used by nobody, we should find their literals only there.
  for (const std::string& function : k_functions) {
    std::string bootstrap = bundle_file(shared_data().bundle(function), "bootstrap");
    ASSERT_FALSE(bootstrap.empty()) << function;
    EXPECT_EQ(bootstrap.find("SHARED-DATA-UNUSED-MODULE"), std::string::npos) << function;
    bool has_stats = bootstrap.find("SHARED-DATA-STATS") != std::string::npos;
    EXPECT_EQ(has_stats, function == "api/report") << function;
  }
}

TEST(SharedDataTest, EveryFileSaysWhyItIsThere) {
  // Given the bundles, sls.json should give each file a reason that inspect --why and build --explain print.
  SlsRun why_csv = run_sls({"inspect", shared_data().bundle("api/report").string(), "--why", "data/reports/2024.csv"});
  EXPECT_EQ(why_csv.out, "data/reports/2024.csv: include \"data/reports/*.csv\"\n") << why_csv.err;
  SlsRun why_bootstrap = run_sls({"inspect", shared_data().bundle("api/report").string(), "--why", "bootstrap"});
  EXPECT_NE(why_bootstrap.out.find("built from api/report.cpp; lib/ code linked: lib/stats.cpp, lib/text.cpp"),
            std::string::npos)
      << why_bootstrap.out;
  SlsRun why_plain = run_sls({"inspect", shared_data().bundle("api/plain").string(), "--why", "bootstrap"});
  EXPECT_NE(why_plain.out.find("no lib/ code linked"), std::string::npos) << why_plain.out;
  SlsRun missing = run_sls({"inspect", shared_data().bundle("api/plain").string(), "--why", "data/x"});
  EXPECT_EQ(missing.exit_code, 1);
  SlsRun inspect = run_sls({"inspect", shared_data().bundle("api/report").string()});
  EXPECT_NE(inspect.out.find("largest: bootstrap ("), std::string::npos) << inspect.out;
}

TEST(SharedDataTest, ExplainListsEveryBundlesFilesWithReasons) {
  // Given sls build --explain on the built project, we should print every bundle's files and reasons.
  SlsRun explain = run_sls({"build", "--explain", shared_data().project.string()});
  EXPECT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_NE(explain.out.find("api/report\n  bootstrap ("), std::string::npos) << explain.out;
  EXPECT_NE(explain.out.find("  data/reports/2025.csv (12 B): include \"data/reports/*.csv\"\n"), std::string::npos)
      << explain.out;
  EXPECT_NE(explain.out.find("api/plain\n"), std::string::npos) << explain.out;
}

}  // namespace
}  // namespace sls::e2e

#include <gtest/gtest.h>

#include "bundler/shake/elf_reader.hpp"
#include "core/file_system.hpp"
#include "tests/tree_shaking/tree_shaking_e2e.hpp"

namespace sls::e2e {
namespace {

fs::path project_fixture(const std::string& name) { return fs::path(SLS_TREE_SHAKING_PROJECTS) / name; }

const BuiltProject& redis_client() {
  static const BuiltProject built = build_copy(project_fixture("redis-client"));
  return built;
}

TEST(NativeLibraryTest, BundleCarriesHiredisButNotGlibc) {
  // Given link = ["hiredis"], we should ship lib/libhiredis.so.0.14 and nothing of glibc.
  ASSERT_EQ(redis_client().build.exit_code, 0) << redis_client().build.err;
  EXPECT_EQ(bundle_paths(redis_client().bundle("api/ping")),
            (std::vector<std::string>{"bootstrap", "lib/libhiredis.so.0.14", "sls.json"}));
  SlsRun why = run_sls({"inspect", redis_client().bundle("api/ping").string(), "--why", "lib/libhiredis.so.0.14"});
  EXPECT_EQ(why.out, "lib/libhiredis.so.0.14: shared library needed by bootstrap (not in provided.al2023)\n")
      << why.err;
}

TEST(NativeLibraryTest, BootstrapHasTheOriginRpath) {
  // Given the bundle's bootstrap, we should read DT_RPATH $ORIGIN/lib (which the libraries' own
  // dependencies use too, unlike DT_RUNPATH) and DT_NEEDED libhiredis.so.0.14.
  auto info = read_elf(bundle_file(redis_client().bundle("api/ping"), "bootstrap"));
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->rpath, std::vector<std::string>{"$ORIGIN/lib"});
  EXPECT_TRUE(info->runpath.empty());
  EXPECT_NE(std::find(info->needed.begin(), info->needed.end(), "libhiredis.so.0.14"), info->needed.end());
}

TEST(NativeLibraryTest, RunsFromAnExtractedBundleWithNoLibraryPath) {
  // Given the extracted bundle and an environment without LD_LIBRARY_PATH, the bootstrap should answer via hiredis.
  fs::path dir = extract(redis_client().bundle("api/ping"));
  std::map<std::string, std::string> env = {{"REQUEST_METHOD", "GET"},       {"PATH_INFO", "/api/ping"},
                                            {"SCRIPT_NAME", "/api/ping"},    {"QUERY_STRING", ""},
                                            {"SERVER_PROTOCOL", "HTTP/1.1"}, {"GATEWAY_INTERFACE", "CGI/1.1"}};
  ProcessResult result = run_program(dir / "bootstrap", env);
  EXPECT_EQ(result.exit_code, 0) << result.stderr_data;
  EXPECT_NE(result.stdout_data.find("reply: PONG"), std::string::npos) << result.stdout_data << result.stderr_data;
}

TEST(NativeLibraryTest, ANewerGlibcSymbolIsABuildErrorNamingWhereItIsCalled) {
  // Given a function calling pidfd_open (GLIBC_2.36), we should fail the build naming the symbol, version,
  // the source line that calls it, and the remedy.
  BuiltProject built = build_copy(project_fixture("new-glibc"));
  EXPECT_EQ(built.build.exit_code, 1);
  EXPECT_NE(built.build.err.find("api/pidfd.cpp: error: function 'api/pidfd': bootstrap needs GLIBC_2.36 but "
                                 "provided.al2023 has glibc 2.34"),
            std::string::npos)
      << built.build.err;
  EXPECT_NE(built.build.err.find("pidfd_open@GLIBC_2.36"), std::string::npos) << built.build.err;
  EXPECT_NE(built.build.err.find("pidfd_open is called at api/pidfd.cpp:12"), std::string::npos) << built.build.err;
  EXPECT_NE(built.build.err.find("hint: stop calling the symbol"), std::string::npos) << built.build.err;
  EXPECT_FALSE(fs::exists(built.bundle("api/pidfd")));
}

TEST(NativeLibraryTest, Al2ChecksAgainstGlibc226AndIsRecorded) {
  // Given runtime = "provided.al2", we should check against glibc 2.26 (so pidfd_open is refused naming
  // provided.al2) and record provided.al2 in the manifest.
  BuiltProject built = build_copy(project_fixture("new-glibc"), "[build]\nruntime = \"provided.al2\"\n");
  EXPECT_EQ(built.build.exit_code, 1);
  EXPECT_NE(built.build.err.find("bootstrap needs GLIBC_2.36 but provided.al2 has glibc 2.26"), std::string::npos)
      << built.build.err;
  auto manifest = read_file(built.project / ".sls/output/manifest.json");
  ASSERT_TRUE(manifest);
  EXPECT_NE(manifest->find("\"runtime\": \"provided.al2\""), std::string::npos) << *manifest;
}

TEST(NativeLibraryTest, RandomDeviceBuildsForAl2023AndRuns) {
  // Given std::random_device (arc4random@GLIBC_2.36 in GCC 12's static libstdc++), we should build a bootstrap
  // that needs nothing newer than GLIBC_2.34 and answers with a token.
  BuiltProject built = build_copy(project_fixture("random-device"));
  ASSERT_EQ(built.build.exit_code, 0) << built.build.err;
  auto info = read_elf(bundle_file(built.bundle("api/token"), "bootstrap"));
  ASSERT_TRUE(info) << info.error().message;
  for (const VersionNeed& need : info->version_needs)
    EXPECT_LE(parse_glibc_version(need.version), (GlibcVersion{2, 34})) << need.version;
  SlsRun invoked = run_sls({"invoke", "api/token", "-C", built.project.string()});
  EXPECT_EQ(invoked.exit_code, 0) << invoked.err;
  EXPECT_NE(invoked.out.find("token-"), std::string::npos) << invoked.out;
}

TEST(NativeLibraryTest, BudgetsAreCheckedAtBuildTime) {
  // Given max_size smaller than the bootstrap, we should fail the build and name the largest file.
  BuiltProject built =
      build_copy(project_fixture("redis-client"), "[functions.\"api/ping\"]\nlink = [\"hiredis\"]\nmax_size = 1000\n");
  EXPECT_EQ(built.build.exit_code, 1);
  EXPECT_NE(built.build.err.find("over the limit of 1000 bytes; largest files: bootstrap ("), std::string::npos)
      << built.build.err;
}

}  // namespace
}  // namespace sls::e2e

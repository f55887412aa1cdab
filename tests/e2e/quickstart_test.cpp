#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bundler/inspect/inspect.hpp"
#include "core/file_system.hpp"
#include "tests/e2e/quickstart_build.hpp"

namespace sls::e2e {

const QuickstartBuild& quickstart() {
  static const QuickstartBuild build = [] {
    QuickstartBuild result;
    result.project = *make_temp_directory("sls-e2e-quickstart") / "quickstart";
    copy_project(source_dir() / "examples" / "quickstart", result.project);
    result.build = run_sls({"build", result.project.string()});
    return result;
  }();
  return build;
}

namespace {

const std::vector<std::string> k_functions = {"api/echo", "api/greet", "api/hello", "api/users/[id]", "api/visits"};

TEST(QuickstartTest, BuildSucceeds) {
  // Given the quickstart example, we should build every function and exit 0.
  const auto& build = quickstart().build;
  EXPECT_EQ(build.exit_code, 0) << build.err;
  EXPECT_NE(build.err.find("5 function(s) built, 0 failed, 1 static file(s)"), std::string::npos) << build.err;
}

TEST(QuickstartTest, OutputHasManifestStaticAndOneZipPerFunction) {
  // Given the build, we should find exactly the files docs/design.md §5 describes.
  std::vector<std::string> expected = {
      "functions/api/echo.zip",   "functions/api/greet.zip", "functions/api/hello.zip", "functions/api/users/[id].zip",
      "functions/api/visits.zip", "manifest.json",           "static/index.html"};
  EXPECT_EQ(list_files_sorted(quickstart().output()), expected);
}

TEST(QuickstartTest, ManifestDescribesFunctionsRoutesAndRegions) {
  // Given the build, we should list every function with its route, runtime and configured regions.
  auto manifest = nlohmann::json::parse(*read_file(quickstart().output() / "manifest.json"));
  EXPECT_EQ(manifest["project"], "quickstart");
  ASSERT_EQ(manifest["functions"].size(), k_functions.size());
  const auto& user = manifest["functions"][3];
  EXPECT_EQ(user["name"], "api/users/[id]");
  EXPECT_EQ(user["route"], "/api/users/:id");
  EXPECT_EQ(user["regions"], nlohmann::json({"iad1", "fra1"}));
  EXPECT_EQ(user["memory"], 512);
  EXPECT_EQ(user["runtime"], "provided.al2023");
  EXPECT_EQ(user["status"], "built");
  EXPECT_EQ(manifest["routes"].back()["route"], "/api/users/:id");  // dynamic routes last
}

TEST(QuickstartTest, EveryBundleVerifiesAndHoldsOnlyBootstrapAndMetadata) {
  // Given each bundle, we should find a 0755 stripped bootstrap and sls.json, all hashes matching.
  for (const std::string& function : k_functions) {
    auto bundle = inspect_bundle(quickstart().bundle(function));
    ASSERT_TRUE(bundle) << function;
    EXPECT_TRUE(bundle->problems.empty()) << function;
    ASSERT_EQ(bundle->files.size(), 2u) << function;
    EXPECT_EQ(bundle->files[0].path, "bootstrap");
    EXPECT_EQ(bundle->files[0].mode, 0755u);
    EXPECT_EQ(bundle->files[1].path, "sls.json");
    EXPECT_EQ(bundle->contents[0].data.rfind("\x7f"
                                             "ELF",
                                             0),
              0u);
    EXPECT_EQ(bundle->contents[0].data.find(".symtab"), std::string::npos) << function << " is not stripped";
    EXPECT_EQ(bundle->runtime, "provided.al2023");
  }
}

TEST(QuickstartTest, InspectCommandVerifies) {
  // Given a built bundle, `sls inspect` should list it and say it verified.
  SlsRun run = run_sls({"inspect", quickstart().bundle("api/users/[id]").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("route:        /api/users/:id"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("regions:      iad1 fra1"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("verified"), std::string::npos);
}

TEST(QuickstartTest, InvokeRunsTheBundleLocally) {
  // Given sls invoke with a query, a route parameter and a POST body, we should print each response.
  SlsRun hello = run_sls({"invoke", "api/hello", "--path", "/api/hello?name=Ada"}, quickstart().project);
  EXPECT_EQ(hello.exit_code, 0) << hello.err;
  EXPECT_EQ(hello.out, "HTTP/1.1 200\ncontent-type: text/plain; charset=utf-8\n\nhello Ada");
  SlsRun user = run_sls({"invoke", "/api/users/[id]", "--path", "/api/users/42", "-C", quickstart().project.string()});
  EXPECT_NE(user.out.find(R"({"id":42,"function":"api/users/[id]"})"), std::string::npos) << user.out << user.err;
  SlsRun echo = run_sls({"invoke", "api/echo", "-X", "POST", "-d", "ping", "-H", "Content-Type: text/x-test"},
                        quickstart().project);
  EXPECT_NE(echo.out.find("content-type: text/x-test\nx-body-length: 4\n\nping"), std::string::npos) << echo.out;
}

TEST(QuickstartTest, InvokeExplainsMissingBundleAndMissingParameters) {
  // Given an unknown function or a dynamic route without --path, we should say what to do.
  SlsRun missing = run_sls({"invoke", "api/nope"}, quickstart().project);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("run sls build first"), std::string::npos) << missing.err;
  SlsRun params = run_sls({"invoke", "api/users/[id]"}, quickstart().project);
  EXPECT_EQ(params.exit_code, 1);
  EXPECT_NE(params.err.find("pass --path"), std::string::npos) << params.err;
}

TEST(QuickstartTest, BootstrapHoldsNoBuildPaths) {
  // Given the temporary project folder, we should not find its path inside any binary.
  for (const std::string& function : k_functions) {
    auto bundle = inspect_bundle(quickstart().bundle(function));
    ASSERT_TRUE(bundle);
    EXPECT_EQ(bundle->contents[0].data.find(quickstart().project.string()), std::string::npos) << function;
  }
}

}  // namespace
}  // namespace sls::e2e

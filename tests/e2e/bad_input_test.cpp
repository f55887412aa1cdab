// Bad input: every problem is reported with its location, the other
// functions are still built, and nothing already written is lost.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file_system.hpp"
#include "tests/e2e/e2e_support.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::e2e {
namespace {

using testing::TempProject;

const char* const k_hello = R"(#include <sls/function.hpp>
sls::Response handle(const sls::Request& req, sls::Context&) { return sls::Response::text(200, "hi " + req.path()); }
SLS_HANDLER(handle)
)";

fs::path output_of(const TempProject& project) { return project.root() / ".sls" / "output"; }

TEST(BadInputTest, MalformedConfigWritesNothingAndKeepsPreviousOutput) {
  // Given a good build and then a broken sls.toml, we should fail with a location and keep the old output.
  TempProject project;
  project.write("api/hello.cpp", k_hello);
  ASSERT_EQ(run_sls({"build", project.root().string()}).exit_code, 0);
  auto before = read_tree(output_of(project));
  project.write("sls.toml", "[project]\nname = \"x\"\nregions = [\"iad1\"\n");
  SlsRun run = run_sls({"build", project.root().string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("sls.toml:3:19: error:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("nothing was built"), std::string::npos) << run.err;
  EXPECT_TRUE(before == read_tree(output_of(project)));
}

TEST(BadInputTest, UnknownKeyIsLocatedWithHint) {
  // Given a misspelt key, we should print sls.toml:LINE:COL and a "did you mean".
  TempProject project;
  project.write("api/hello.cpp", k_hello);
  project.write("sls.toml", "[build]\noptimise = \"size\"\n");
  SlsRun run = run_sls({"build", project.root().string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("sls.toml:2:1: error: unknown key 'optimise' in [build] (did you mean 'optimize'?)"),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(fs::exists(output_of(project)));
}

TEST(BadInputTest, SettingsForAMissingFunctionAreRejected) {
  // Given [functions."api/helo"], we should point at the table and suggest api/hello.
  TempProject project;
  project.write("api/hello.cpp", k_hello);
  project.write("sls.toml", "\n[functions.\"api/helo\"]\nmemory = 256\n");
  SlsRun run = run_sls({"build", project.root().string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(
                "sls.toml:2:1: error: [functions.\"api/helo\"] names no function in api/ (did you mean 'api/hello'?)"),
            std::string::npos)
      << run.err;
}

TEST(BadInputTest, BrokenFunctionIsReportedAndOthersAreBuilt) {
  // Given one function that does not compile, we should show clang's error, build the rest, exit 1.
  TempProject project;
  project.write("api/hello.cpp", k_hello);
  project.write("api/broken.cpp", "#include <sls/function.hpp>\nint x = missing_name;\n");
  SlsRun run = run_sls({"build", project.root().string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("api/broken.cpp:2:9: error: use of undeclared identifier 'missing_name'"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("1 function(s) built, 1 failed"), std::string::npos) << run.err;
  auto manifest = nlohmann::json::parse(*read_file(output_of(project) / "manifest.json"));
  EXPECT_EQ(manifest["functions"][0]["name"], "api/broken");
  EXPECT_EQ(manifest["functions"][0]["status"], "failed");
  EXPECT_TRUE(manifest["functions"][0]["bundle"].is_null());
  EXPECT_TRUE(fs::exists(output_of(project) / "functions/api/hello.zip"));
}

TEST(BadInputTest, FunctionThatBreaksKeepsItsPreviousBundle) {
  // Given a function that built before and now fails, we should keep its last good bundle, marked stale.
  TempProject project;
  project.write("api/hello.cpp", k_hello);
  ASSERT_EQ(run_sls({"build", project.root().string()}).exit_code, 0);
  auto good = *read_file(output_of(project) / "functions/api/hello.zip");
  project.write("api/hello.cpp", "this is not C++\n");
  EXPECT_EQ(run_sls({"build", project.root().string()}).exit_code, 1);
  EXPECT_EQ(*read_file(output_of(project) / "functions/api/hello.zip"), good);
  auto manifest = nlohmann::json::parse(*read_file(output_of(project) / "manifest.json"));
  EXPECT_EQ(manifest["functions"][0]["status"], "failed");
  EXPECT_EQ(manifest["functions"][0]["stale"], true);
}

TEST(BadInputTest, MissingHandlerGetsAHint) {
  // Given a function without SLS_HANDLER, we should build it and have it answer 500 naming the fix.
  TempProject project;
  project.write("api/nohandler.cpp", "#include <sls/function.hpp>\n");
  SlsRun build = run_sls({"build", project.root().string()});
  SlsRun invoke = run_sls({"invoke", "api/nohandler"}, project.root());
  EXPECT_NE((build.err + invoke.out).find("SLS_HANDLER"), std::string::npos) << build.err << invoke.out;
}

TEST(BadInputTest, EmptyApiFolderWarns) {
  // Given an empty api/ and a static page, we should warn, still ship the page, and exit 0.
  TempProject project;
  fs::create_directories(project.root() / "api");
  project.write("public/index.html", "<p>hi</p>");
  SlsRun run = run_sls({"build", project.root().string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("api: warning: api/ holds no functions"), std::string::npos) << run.err;
  EXPECT_TRUE(fs::exists(output_of(project) / "static/index.html"));
}

TEST(BadInputTest, NotAProjectFolder) {
  // Given a folder with neither api/ nor public/, we should say so and how to fix it.
  TempProject project;
  SlsRun run = run_sls({"build", project.root().string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("not an sls project"), std::string::npos) << run.err;
}

TEST(BadInputTest, SpacesAndNonAsciiInFunctionPaths) {
  // Given api/café menu/[item id].cpp-like names, we should build, list and invoke them.
  TempProject project;
  project.write("api/café menu.cpp", k_hello);
  project.write("api/größe/[size].cpp", R"(#include <sls/function.hpp>
sls::Response h(const sls::Request& req, sls::Context&) { return sls::Response::text(200, "size " + req.param("size")); }
SLS_HANDLER(h)
)");
  SlsRun build = run_sls({"build", project.root().string()});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_TRUE(fs::exists(output_of(project) / "functions/api/café menu.zip"));
  SlsRun inspect = run_sls({"inspect", (output_of(project) / "functions/api/größe/[size].zip").string()});
  EXPECT_EQ(inspect.exit_code, 0) << inspect.err;
  EXPECT_NE(inspect.out.find("route:        /api/größe/:size"), std::string::npos) << inspect.out;
  SlsRun invoke = run_sls({"invoke", "api/größe/[size]", "--path", "/api/größe/XL"}, project.root());
  EXPECT_NE(invoke.out.find("size XL"), std::string::npos) << invoke.out << invoke.err;
  SlsRun cafe = run_sls({"invoke", "api/café menu"}, project.root());
  EXPECT_NE(cafe.out.find("hi /api/café menu"), std::string::npos) << cafe.out << cafe.err;
}

}  // namespace
}  // namespace sls::e2e

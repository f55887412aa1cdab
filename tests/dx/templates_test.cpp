// Every template sls ships, end to end: sls init, sls build, sls invoke.
// (stateful-redis needs a Redis server: redis_template_test.cpp.)

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file_system.hpp"
#include "tests/dx/dx_support.hpp"

namespace sls::dx {
namespace {

struct TemplateCase {
  std::string name;
  std::string function;  // empty: a static-only template
  std::string path;
  std::string expected_body;
};

class TemplateTest : public ::testing::TestWithParam<TemplateCase> {};

TEST_P(TemplateTest, InitBuildsAndInvokes) {
  // Given a project made by sls init from the template, we should build it and get the expected response.
  const TemplateCase& param = GetParam();
  TempDir temp("sls-dx-template");
  fs::path project = temp.path() / ("my-" + param.name);
  init_project(project, param.name);
  SlsRun build = run_sls({"build", project.string(), "-j", "2"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  auto manifest = nlohmann::json::parse(*read_file(project / ".sls/output/manifest.json"));
  EXPECT_EQ(manifest["project"], "my-" + param.name);
  if (param.function.empty()) {
    EXPECT_TRUE(manifest["functions"].empty());
    auto index = read_file(project / ".sls/output/static/index.html");
    ASSERT_TRUE(index);
    EXPECT_NE(index->find("<h1>my-static-site</h1>"), std::string::npos) << *index;
    return;
  }
  SlsRun invoke = run_sls({"invoke", param.function, "--path", param.path}, project);
  EXPECT_EQ(invoke.exit_code, 0) << invoke.err;
  EXPECT_NE(invoke.out.find("HTTP/1.1 200\n"), std::string::npos) << invoke.out;
  EXPECT_NE(invoke.out.find("\n\n" + param.expected_body), std::string::npos) << invoke.out;
}

INSTANTIATE_TEST_SUITE_P(Templates, TemplateTest,
                         ::testing::Values(TemplateCase{"http-native", "api/hello", "/api/hello?name=Ada", "hello Ada"},
                                           TemplateCase{"http-wasm", "api/hello", "/api/hello?name=Ada",
                                                        R"({"hello":"Ada"})"},
                                           TemplateCase{"static-site", "", "", ""}),
                         [](const ::testing::TestParamInfo<TemplateCase>& info) {
                           std::string name = info.param.name;
                           std::erase(name, '-');
                           return name;
                         });

TEST(TemplateBuildTest, BuildWritesCompileCommandsForEveryFunction) {
  // Given a template project, sls build should leave compile_commands.json naming its function.
  TempDir temp("sls-dx-template");
  init_project(temp.path() / "app", "http-native");
  SlsRun build = run_sls({"build", (temp.path() / "app").string(), "-j", "2"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  auto text = read_file(temp.path() / "app/compile_commands.json");
  ASSERT_TRUE(text) << "sls build wrote no compile_commands.json";
  auto entries = nlohmann::json::parse(*text);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["file"], "api/hello.cpp");
}

}  // namespace
}  // namespace sls::dx

// The deploy formats against golden files: each exporter is a pure function
// of a DeployProject, so the whole export (file list, every generated file and
// the warnings) is rendered to text and compared. Regenerate after an
// intended change with SLS_UPDATE_GOLDEN=1 ./sls_unit_tests --gtest_filter='DeployExport*'.

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bundler/deploy/deploy_export.hpp"
#include "bundler/deploy/deploy_names.hpp"
#include "bundler/deploy/yaml_writer.hpp"
#include "core/file_system.hpp"

namespace sls {
namespace {

DeployFunction native(std::string name, std::string route, std::vector<std::string> regions) {
  DeployFunction function;
  function.name = name;
  function.route = route;
  function.target = "native";
  function.runtime = "provided.al2023";
  function.arch = "x86_64";
  function.handler = "bootstrap";
  function.regions = std::move(regions);
  function.memory_mb = 1024;
  function.max_duration_s = 10;
  function.bundle = "functions/" + name + ".zip";
  return function;
}

// A quickstart-like project: a static route, a dynamic arm64 one in two
// regions with settings and env, and a wasm function no deploy format can carry.
DeployProject sample_project() {
  DeployProject project;
  project.name = "quickstart";
  DeployFunction emulator = native("api/emulator", "/api/emulator", {"iad1"});
  emulator.target = "wasm";
  emulator.runtime = "wasi-preview1";
  emulator.arch = "wasm32";
  emulator.handler = "function.wasm";
  project.functions.push_back(emulator);
  project.functions.push_back(native("api/hello", "/api/hello", {"iad1"}));
  DeployFunction user = native("api/users/[id]", "/api/users/:id", {"iad1", "fra1"});
  user.arch = "arm64";  // a mixed project: each format must carry each function's own arch
  user.memory_mb = 512;
  user.max_duration_s = 5;
  user.env = {{"DB_REGION", "eu"}, {"GREETING", "yes: it is"}};
  user.cache_control = "public, max-age=60";
  project.functions.push_back(user);
  project.static_files = {{"app.3f2a1c9e.js", "public, max-age=31536000, immutable"},
                          {"index.html", "public, max-age=0, must-revalidate"},
                          {"robots.txt", ""}};
  assign_ids(project);
  return project;
}

std::string listing(const ExportResult& result) {
  std::ostringstream out;
  for (const ExportFile& file : result.files) {
    if (file.kind == ExportFile::Kind::Data) out << "== " << file.path << "\n" << file.data;
    if (file.kind == ExportFile::Kind::Copy) out << "== " << file.path << " (copy of " << file.source << ")\n";
    if (file.kind == ExportFile::Kind::Unpack) out << "== " << file.path << "/ (unpacked from " << file.source << ")\n";
  }
  for (const std::string& warning : result.warnings) out << "warning: " << warning << "\n";
  return out.str();
}

void expect_golden(const std::string& name, const std::string& actual) {
  std::filesystem::path golden = std::filesystem::path(SLS_GOLDEN_DIR) / "deploy" / (name + ".txt");
  if (std::getenv("SLS_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  auto expected = read_file(golden);
  ASSERT_TRUE(expected) << expected.error().message;
  EXPECT_EQ(*expected, actual) << "golden " << golden << " differs (see the comment at the top of this test)";
}

// Given the sample project, we should write the serverless.yml files of the golden file.
TEST(DeployExport, ServerlessMatchesGolden) {
  auto result = export_serverless(sample_project());
  ASSERT_TRUE(result) << result.error().message;
  expect_golden("serverless", listing(*result));
}

// Given the sample project, we should write the SAM templates of the golden file.
TEST(DeployExport, SamMatchesGolden) {
  auto result = export_sam(sample_project());
  ASSERT_TRUE(result) << result.error().message;
  expect_golden("sam", listing(*result));
}

// Given the sample project, we should write the Build Output API tree of the golden file.
TEST(DeployExport, VercelMatchesGolden) {
  auto result = export_vercel(sample_project());
  ASSERT_TRUE(result) << result.error().message;
  expect_golden("vercel", listing(*result));
}

// Given a wasm function, we should warn in every format, naming the function.
TEST(DeployExport, WasmFunctionsAreWarnedAboutInEveryFormat) {
  for (ExportFormat format : {ExportFormat::Serverless, ExportFormat::Sam, ExportFormat::Vercel}) {
    auto result = export_project(sample_project(), format);
    ASSERT_TRUE(result);
    ASSERT_EQ(result->warnings.size(), 1u) << to_string(format);
    EXPECT_NE(result->warnings[0].find("api/emulator is a wasm function"), std::string::npos);
    EXPECT_EQ(listing(*result).find("emulator.zip"), std::string::npos) << to_string(format);
  }
}

// Given a region that is neither AWS's nor Vercel's, we should refuse the AWS formats and name it.
TEST(DeployExport, UnknownRegionIsAnError) {
  DeployProject project = sample_project();
  project.functions[1].regions = {"mars1"};
  auto result = export_sam(project);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("api/hello: region 'mars1'"), std::string::npos) << result.error().message;
}

// Given the same project twice in different orders of construction, we should write the same bytes.
TEST(DeployExport, OutputIsAFunctionOfTheInput) {
  EXPECT_EQ(listing(*export_serverless(sample_project())), listing(*export_serverless(sample_project())));
}

// Given two names with the same logical ID, we should give each its own ID and zip.
TEST(DeployExport, ClashingNamesGetDistinctIdsAndZips) {
  DeployProject project;
  project.functions.push_back(native("api/users/[id]", "/api/users/:id", {"iad1"}));
  project.functions.push_back(native("api/users/id", "/api/users/id", {"iad1"}));
  assign_ids(project);
  EXPECT_EQ(project.functions[0].id, "ApiUsersId");
  EXPECT_EQ(project.functions[1].id, "ApiUsersId2");
  std::string text = listing(*export_serverless(project));
  EXPECT_NE(text.find("artifact: ../bundles/ApiUsersId.zip"), std::string::npos) << text;
  EXPECT_NE(text.find("artifact: ../bundles/ApiUsersId2.zip"), std::string::npos) << text;
}

// Given sls routes, we should write each tool's syntax.
TEST(DeployNames, RoutesAreTranslated) {
  EXPECT_EQ(brace_route("/api/users/:id/posts/:post"), "/api/users/{id}/posts/{post}");
  EXPECT_EQ(brace_route("/api/hello"), "/api/hello");
  EXPECT_EQ(vercel_route_source("/api/users/:id"), "^/api/users/([^/]+)$");
  EXPECT_EQ(vercel_route_source("/api/v1.0/x"), "^/api/v1\\.0/x$");
  EXPECT_EQ(vercel_route_query("/api/a/:x/b/:y"), "?x=$1&y=$2");
  EXPECT_EQ(logical_id_for("api/users/[id]"), "ApiUsersId");
  EXPECT_EQ(logical_id_for("api/2fa"), "Api2fa");
  EXPECT_EQ(aws_region_for("fra1"), "eu-central-1");
  EXPECT_EQ(aws_region_for("eu-west-3"), "eu-west-3");
  EXPECT_EQ(aws_region_for("mars1"), std::nullopt);
}

// Given strings YAML would read as something else, we should quote them.
TEST(YamlWriter, QuotesWhatPlainScalarsWouldChange) {
  using nlohmann::ordered_json;
  EXPECT_EQ(yaml_scalar("provided.al2023"), "provided.al2023");
  EXPECT_EQ(yaml_scalar("3"), "\"3\"");
  EXPECT_EQ(yaml_scalar("yes"), "\"yes\"");
  EXPECT_EQ(yaml_scalar("*"), "\"*\"");
  EXPECT_EQ(yaml_scalar("/api/{id}"), "\"/api/{id}\"");
  EXPECT_EQ(yaml_scalar("a: b"), "\"a: b\"");
  EXPECT_EQ(yaml_scalar(""), "\"\"");
  ordered_json doc = {{"a", {{"b", 1}}}, {"list", ordered_json::array({{{"k", "v"}, {"num", 2}}, "x"})}, {"e", ordered_json::object()}};
  EXPECT_EQ(render_yaml(doc), "a:\n  b: 1\nlist:\n- k: v\n  num: 2\n- x\ne: {}\n");
}

}  // namespace
}  // namespace sls

// plan_functions (bundler/project/plan.hpp): effective settings per function,
// from a layout and a parsed sls.toml, without touching the disk.
#include "bundler/project/plan.hpp"

#include <gtest/gtest.h>

namespace sls {
namespace {

ProjectLayout layout_of(std::initializer_list<std::pair<std::string, FunctionKind>> functions) {
  ProjectLayout layout;
  layout.root = "/project";
  for (const auto& [name, kind] : functions)
    layout.functions.push_back({name, "/" + name, name + ".cpp", {name + ".cpp"}, kind});
  return layout;
}

ProjectConfig config_of(const std::string& text, Diagnostics& diagnostics) {
  auto config = parse_project_config(text, "sls.toml", "demo", diagnostics);
  EXPECT_TRUE(config) << "sls.toml did not parse";
  return config.value_or(ProjectConfig{});
}

TEST(PlanTest, ArchComesFromTheFunctionThenTheProjectAndWasmHasNone) {
  // Given arch = "arm64" for the project and "x86_64" for one function, and a wasm function, we should
  // plan each native function's own arch and one wasm platform whatever the project says.
  Diagnostics diagnostics;
  ProjectLayout layout = layout_of(
      {{"api/a", FunctionKind::Source}, {"api/b", FunctionKind::Source}, {"api/w", FunctionKind::Source}});
  ProjectConfig config = config_of(
      "[build]\narch = \"arm64\"\n[functions.\"api/b\"]\narch = \"x86_64\"\n[functions.\"api/w\"]\ntarget = \"wasm\"\n",
      diagnostics);
  std::vector<PlannedFunction> plan = plan_functions(layout, config, std::nullopt, diagnostics);
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].platform(), Platform(Target::Native, "arm64"));
  EXPECT_EQ(plan[1].platform(), Platform(Target::Native, "x86_64"));
  EXPECT_EQ(plan[2].platform(), Platform(Target::Wasm));
}

TEST(PlanTest, FunctionSettingsOverrideProjectDefaults) {
  // Given project regions and one function with its own, we should give each function its effective settings.
  Diagnostics diagnostics;
  ProjectLayout layout = layout_of({{"api/a", FunctionKind::Source}, {"api/b", FunctionKind::Source}});
  ProjectConfig config = config_of(
      "[project]\nregions = [\"iad1\"]\n[functions.\"api/b\"]\nregions = [\"fra1\"]\nmemory = 256\n"
      "max_duration = 3\nenv = { MODE = \"eu\" }\ntarget = \"wasm\"\n",
      diagnostics);
  std::vector<PlannedFunction> plan = plan_functions(layout, config, std::nullopt, diagnostics);
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[0].name(), "api/a");
  EXPECT_EQ(plan[0].regions, (std::vector<std::string>{"iad1"}));
  EXPECT_EQ(plan[0].memory_mb, k_default_memory_mb);
  EXPECT_EQ(plan[0].target, Target::Native);
  EXPECT_EQ(plan[1].regions, (std::vector<std::string>{"fra1"}));
  EXPECT_EQ(plan[1].memory_mb, 256);
  EXPECT_EQ(plan[1].max_duration_s, 3);
  EXPECT_EQ(plan[1].target, Target::Wasm);
  EXPECT_EQ(plan[1].env.at(0), (std::pair<std::string, std::string>{"MODE", "eu"}));
  EXPECT_FALSE(diagnostics.has_errors());
}

TEST(PlanTest, ConcurrencyDefaultsToOneAndIsPlannedPerFunction) {
  // Given concurrency = 4 for api/b only, we should plan 1 for api/a and 4 for api/b.
  Diagnostics diagnostics;
  ProjectLayout layout = layout_of({{"api/a", FunctionKind::Source}, {"api/b", FunctionKind::Source}});
  ProjectConfig config = config_of("[functions.\"api/b\"]\nconcurrency = 4\n", diagnostics);
  std::vector<PlannedFunction> plan = plan_functions(layout, config, std::nullopt, diagnostics);
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[0].concurrency, 1);
  EXPECT_EQ(plan[1].concurrency, 4);
}

TEST(PlanTest, RuntimeAndCacheControlArePlannedPerFunction) {
  // Given runtime = "provided.al2" for the project, provided.al2023 and a cache_control for api/b, and
  // api/c built for wasm, we should plan al2, al2023 (with its cache_control) and wasi-preview1.
  Diagnostics diagnostics;
  ProjectLayout layout = layout_of(
      {{"api/a", FunctionKind::Source}, {"api/b", FunctionKind::Source}, {"api/c", FunctionKind::Source}});
  ProjectConfig config = config_of(
      "[build]\nruntime = \"provided.al2\"\n[functions.\"api/b\"]\nruntime = \"provided.al2023\"\n"
      "cache_control = \"public, max-age=60\"\n[functions.\"api/c\"]\ntarget = \"wasm\"\n",
      diagnostics);
  std::vector<PlannedFunction> plan = plan_functions(layout, config, std::nullopt, diagnostics);
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].runtime(), "provided.al2");
  EXPECT_EQ(plan[0].cache_control, std::nullopt);
  EXPECT_EQ(plan[1].runtime(), "provided.al2023");
  EXPECT_EQ(plan[1].cache_control, "public, max-age=60");
  EXPECT_EQ(plan[2].runtime(), "wasi-preview1");
}

TEST(PlanTest, CommandLineTargetWinsButPrebuiltModulesStayWasm) {
  // Given --target native, we should build sources natively and keep a prebuilt .wasm a wasm function.
  Diagnostics diagnostics;
  ProjectLayout layout = layout_of({{"api/a", FunctionKind::Source}, {"api/m", FunctionKind::PrebuiltWasm}});
  ProjectConfig config = config_of("[functions.\"api/a\"]\ntarget = \"wasm\"\n", diagnostics);
  std::vector<PlannedFunction> plan = plan_functions(layout, config, Target::Native, diagnostics);
  EXPECT_EQ(plan[0].target, Target::Native);
  EXPECT_TRUE(plan[0].compiles());
  EXPECT_EQ(plan[1].target, Target::Wasm);
  EXPECT_FALSE(plan[1].compiles());
}

TEST(PlanTest, SettingsForNoFunctionAreAnErrorWithAHint) {
  // Given [functions."api/helo"] in a project with api/hello, we should report it at its table with a suggestion.
  Diagnostics diagnostics;
  ProjectLayout layout = layout_of({{"api/hello", FunctionKind::Source}});
  ProjectConfig config = config_of("[functions.\"api/helo\"]\nmemory = 128\n", diagnostics);
  plan_functions(layout, config, std::nullopt, diagnostics);
  ASSERT_EQ(diagnostics.count(Severity::Error), 1u);
  const Diagnostic error = diagnostics.all().front();
  EXPECT_EQ(error.location.file, "sls.toml");
  EXPECT_EQ(error.location.line, 1u);
  EXPECT_NE(error.message.find("api/hello"), std::string::npos) << error.message;
}

TEST(PlanTest, BundlePathsFollowFunctionNames) {
  // Given a function name, we should place its zip under functions/.
  EXPECT_EQ(bundle_path_for("api/users/[id]"), "functions/api/users/[id].zip");
}

}  // namespace
}  // namespace sls

// The compile stage (bundler/compile/compile.hpp) with a fake toolchain: the
// command lines it runs, and a second build that is all cache hits.
#include <gtest/gtest.h>

#include "bundler/compile/compile.hpp"
#include "core/task_graph.hpp"
#include "stage_fixture.hpp"

namespace sls {
namespace {

void run_compile_stage(const BuildContext& context, std::size_t functions) {
  CompileStage stage(context);
  TaskGraph graph;
  stage.add_target_steps(graph);
  for (std::size_t i = 0; i < functions; ++i) stage.add_function_steps(graph, i);
  graph.run(2);
}

TEST(CompileStageTest, CompilesEachSourceWithItsFunctionsDefinesAndLinksOnce) {
  // Given one function, we should compile glue and the function (with its name and route defined) and link it once.
  testing::StageFixture fixture;
  fixture.temp.write("project/api/hello.cpp", "int x;\n");
  const BuildContext& context = fixture.load();
  run_compile_stage(context, 1);
  EXPECT_FALSE(fixture.diagnostics.has_errors());
  EXPECT_EQ(fixture.counters.compiled, 1u);
  EXPECT_EQ(fixture.counters.linked, 1u);
  bool function_compiled = false;
  for (const auto& argv : fixture.runner.commands()) {
    bool is_function = std::find(argv.begin(), argv.end(), "api/hello.cpp") != argv.end();
    if (!is_function) continue;
    function_compiled = true;
    EXPECT_NE(std::find(argv.begin(), argv.end(), "-DSLS_FUNCTION_NAME=\"api/hello\""), argv.end())
        << quote_command(argv);
  }
  EXPECT_TRUE(function_compiled);
}

TEST(CompileStageTest, AnUnchangedProjectIsAllCacheHitsAndRunsNoProcess) {
  // Given a project built once, we should build it again from the cache without running any process.
  testing::StageFixture fixture;
  fixture.temp.write("project/api/hello.cpp", "int x;\n");
  fixture.temp.write("project/api/bye.cpp", "int y;\n");
  run_compile_stage(fixture.load(), 2);
  ASSERT_FALSE(fixture.diagnostics.has_errors());
  run_compile_stage(fixture.reload(), 2);
  EXPECT_FALSE(fixture.diagnostics.has_errors());
  EXPECT_TRUE(fixture.runner.commands().empty()) << quote_command(fixture.runner.commands().front());
  EXPECT_EQ(fixture.counters.compile_hits, 2u);
  EXPECT_EQ(fixture.counters.link_hits, 2u);
}

TEST(CompileStageTest, AnEditedSourceRecompilesOnlyItsFunction) {
  // Given two built functions, we should recompile and relink only the one whose source changed.
  testing::StageFixture fixture;
  fixture.temp.write("project/api/hello.cpp", "int x;\n");
  fixture.temp.write("project/api/bye.cpp", "int y;\n");
  run_compile_stage(fixture.load(), 2);
  fixture.temp.write("project/api/bye.cpp", "int y = 2;\n");
  run_compile_stage(fixture.reload(), 2);
  EXPECT_EQ(fixture.counters.compiled, 1u);
  EXPECT_EQ(fixture.counters.compile_hits, 1u);
  EXPECT_EQ(fixture.runner.count_with("api/bye.cpp"), 1u);
  EXPECT_EQ(fixture.runner.count_with("api/hello.cpp"), 0u);
}

TEST(CompileStageTest, ACompilerErrorFailsThatFunctionWithTheCompilersMessage) {
  // Given a compiler that rejects a source, we should report its output at that source and leave no artifact.
  testing::StageFixture fixture;
  fixture.temp.write("project/api/bad.cpp", "oops\n");
  const BuildContext& context = fixture.load();
  fixture.runner.respond([](const ProcessSpec& spec) -> Expected<ProcessResult> {
    bool is_bad = std::find(spec.argv.begin(), spec.argv.end(), "api/bad.cpp") != spec.argv.end();
    if (is_bad) return ProcessResult{1, "", "api/bad.cpp:1:1: error: unknown type name 'oops'\n"};
    return ProcessResult{0, "", ""};
  });
  CompileStage stage(context);
  TaskGraph graph;
  stage.add_target_steps(graph);
  stage.add_function_steps(graph, 0);
  graph.run(1);
  EXPECT_FALSE(stage.built(0).artifact);
  ASSERT_TRUE(fixture.diagnostics.has_errors());
  bool located = false;
  for (const Diagnostic& d : fixture.diagnostics.all())
    located |= d.location.file == "api/bad.cpp" && d.detail.find("unknown type name") != std::string::npos;
  EXPECT_TRUE(located);
}

}  // namespace
}  // namespace sls

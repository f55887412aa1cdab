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

// Fake arm64 cross folders, so the test does not depend on the machine's packages.
struct FakeArm64Toolchain {
  explicit FakeArm64Toolchain(testing::StageFixture& fixture)
      : sysroot("SLS_ARM64_SYSROOT", (fixture.temp.root() / "arm64-sysroot").string()),
        gcc("SLS_ARM64_GCC_DIR", (fixture.temp.root() / "arm64-gcc").string()) {
    fixture.temp.write("arm64-sysroot/lib/.keep", "");
    fixture.temp.write("arm64-gcc/.keep", "");
  }
  testing::ScopedEnv sysroot, gcc;
};

bool has(const std::vector<std::string>& argv, const std::string& word) {
  return std::find(argv.begin(), argv.end(), word) != argv.end();
}

bool has_part(const std::vector<std::string>& argv, const std::string& part) {
  return std::any_of(argv.begin(), argv.end(),
                     [&](const std::string& arg) { return arg.find(part) != std::string::npos; });
}

TEST(CompileStageTest, EachArchHasItsOwnGlueLibArchiveAndObjects) {
  // Given lib/ code, an x86_64 function and an arm64 one, we should compile the glue and lib/ once per arch,
  // into separate folders, and link each function with its own arch's archive and flags.
  testing::StageFixture fixture;
  FakeArm64Toolchain arm64(fixture);
  fixture.temp.write("project/sls.toml", "[functions.\"api/arm\"]\narch = \"arm64\"\n");
  fixture.temp.write("project/api/arm.cpp", "int x;\n");
  fixture.temp.write("project/api/x86.cpp", "int y;\n");
  fixture.temp.write("project/lib/util.cpp", "int z;\n");
  run_compile_stage(fixture.load(), 2);
  ASSERT_FALSE(fixture.diagnostics.has_errors());
  std::size_t lib_arm64 = 0, lib_x86 = 0, glue_arm64 = 0, glue_x86 = 0;
  for (const auto& argv : fixture.runner.commands()) {
    bool arm = has(argv, "--target=aarch64-linux-gnu");
    // Every compile and link names exactly one of the two (asking the compiler its version names none).
    if (argv.front().find("clang") != std::string::npos && !has(argv, "--version"))
      EXPECT_NE(arm, has(argv, "--target=x86_64-linux-gnu")) << quote_command(argv);
    if (has(argv, "lib/util.cpp")) {
      ++(arm ? lib_arm64 : lib_x86);
      EXPECT_EQ(arm, has_part(argv, "native-arm64/objects/lib/util.cpp.o")) << quote_command(argv);
    }
    if (has_part(argv, "runtime/native/main.cpp")) ++(arm ? glue_arm64 : glue_x86);
    if (has(argv, "-fuse-ld=lld")) {
      EXPECT_EQ(arm, has_part(argv, "api/arm/bootstrap")) << quote_command(argv);
      EXPECT_EQ(arm, has_part(argv, "native-arm64/liblib.a")) << quote_command(argv);
    }
  }
  EXPECT_EQ(lib_arm64, 1u);
  EXPECT_EQ(lib_x86, 1u);
  EXPECT_EQ(glue_arm64, 1u);
  EXPECT_EQ(glue_x86, 1u);
  EXPECT_EQ(fixture.counters.linked, 2u);
}

TEST(CompileStageTest, SwitchingArchNeverReusesTheOtherArchsObjects) {
  // Given a function built for x86_64 and then for arm64, we should compile and link it again (no cache hit),
  // and switching back should find the x86_64 results again.
  testing::StageFixture fixture;
  FakeArm64Toolchain arm64(fixture);
  fixture.temp.write("project/api/hello.cpp", "int x;\n");
  run_compile_stage(fixture.load(), 1);
  ASSERT_FALSE(fixture.diagnostics.has_errors());
  fixture.temp.write("project/sls.toml", "[build]\narch = \"arm64\"\n");
  run_compile_stage(fixture.reload(), 1);
  ASSERT_FALSE(fixture.diagnostics.has_errors());
  EXPECT_EQ(fixture.counters.compile_hits, 0u);
  EXPECT_EQ(fixture.counters.link_hits, 0u);
  EXPECT_EQ(fixture.counters.linked, 1u);
  auto commands = fixture.runner.commands();  // a copy: begin and end must come from one vector
  EXPECT_TRUE(std::any_of(commands.begin(), commands.end(),
                          [](const auto& argv) { return has(argv, "--target=aarch64-linux-gnu"); }));
  fixture.temp.write("project/sls.toml", "[build]\narch = \"x86_64\"\n");
  run_compile_stage(fixture.reload(), 1);
  EXPECT_EQ(fixture.counters.compile_hits, 1u);
  EXPECT_EQ(fixture.counters.link_hits, 1u);
  EXPECT_TRUE(fixture.runner.commands().empty());
}

TEST(CompileStageTest, AnArm64FunctionLinkingALibraryMissingForArm64IsRefusedNamingIt) {
  // Given an arm64 function with link = ["hiredis"] and no arm64 libhiredis, we should refuse that
  // function before compiling it, naming the library and its arm64 package, and build the others.
  testing::StageFixture fixture;
  FakeArm64Toolchain arm64(fixture);
  fixture.temp.write("project/sls.toml",
                     "[build]\narch = \"arm64\"\n[functions.\"api/cache\"]\nlink = [\"hiredis\"]\n");
  fixture.temp.write("project/api/cache.cpp", "int x;\n");
  fixture.temp.write("project/api/hello.cpp", "int y;\n");
  run_compile_stage(fixture.load(), 2);
  std::string messages;
  for (const Diagnostic& d : fixture.diagnostics.all()) messages += d.message + " | " + d.detail + "\n";
  EXPECT_NE(messages.find("function 'api/cache' links \"hiredis\" for arm64, but no arm64 libhiredis"),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find("libhiredis-dev:arm64"), std::string::npos) << messages;
  EXPECT_EQ(fixture.runner.count_with("api/cache.cpp"), 0u);
  EXPECT_EQ(fixture.runner.count_with("api/hello.cpp"), 1u);
  EXPECT_EQ(fixture.counters.linked, 1u);
}

}  // namespace
}  // namespace sls

// Build settings in sls.toml (config/build_flags.hpp): parsed with their
// locations, refused when they would change what sls controls, merged per
// function, and carried into every command line sls makes from the plan.
#include <gtest/gtest.h>

#include "bundler/compile/compdb.hpp"
#include "bundler/compile/compile.hpp"
#include "bundler/lint/lint_jobs.hpp"
#include "bundler/project/pkg_config.hpp"
#include "bundler/project/toolchain.hpp"
#include "core/task_graph.hpp"
#include "stage_fixture.hpp"

namespace sls {
namespace {

bool contains(const std::vector<std::string>& args, const std::string& arg) {
  return std::find(args.begin(), args.end(), arg) != args.end();
}

// The index of `arg` in `args`, or args.size().
std::size_t index_of(const std::vector<std::string>& args, const std::string& arg) {
  return static_cast<std::size_t>(std::find(args.begin(), args.end(), arg) - args.begin());
}

std::optional<ProjectConfig> parse(const std::string& text, Diagnostics& diagnostics) {
  return parse_project_config(text, "sls.toml", "demo", diagnostics);
}

TEST(BuildFlagsTest, EveryKeyIsReadInBuildAndInAFunction) {
  // Given every build-settings key in [build] and one in a function, we should read them all.
  Diagnostics diagnostics;
  auto config = parse(
      "[build]\ninclude_dirs = [\"vendor/fmt/include\"]\ndefines = [\"FMT_HEADER_ONLY\", \"LEVEL=2\"]\n"
      "cflags = [\"-Wall\"]\ncxxflags = [\"-isystem\", \"/opt/x/include\"]\nldflags = [\"-lm\"]\n"
      "lib_dirs = [\"/usr/local/lib\"]\npkg_config = [\"libcurl\"]\n"
      "[functions.\"api/a\"]\ndefines = [\"ONLY_A\"]\n",
      diagnostics);
  ASSERT_TRUE(config) << diagnostics.all().front().message;
  EXPECT_EQ(config->build.include_dirs, std::vector<std::string>{"vendor/fmt/include"});
  EXPECT_EQ(config->build.defines, (std::vector<std::string>{"FMT_HEADER_ONLY", "LEVEL=2"}));
  EXPECT_EQ(config->build.cflags, std::vector<std::string>{"-Wall"});
  EXPECT_EQ(config->build.cxxflags, (std::vector<std::string>{"-isystem", "/opt/x/include"}));
  EXPECT_EQ(config->build.ldflags, std::vector<std::string>{"-lm"});
  EXPECT_EQ(config->build.lib_dirs, std::vector<std::string>{"/usr/local/lib"});
  EXPECT_EQ(config->build.pkg_config, std::vector<std::string>{"libcurl"});
  EXPECT_EQ(config->build.pkg_config_location.line, 8u);
  EXPECT_EQ(config->functions.at("api/a").build.defines, std::vector<std::string>{"ONLY_A"});
}

TEST(BuildFlagsTest, FlagsThatChangeWhatSlsControlsAreRefusedAtTheirEntry) {
  // Given -o, -c, --target=, -x and a bare file among the flags, we should report each at its own column.
  Diagnostics diagnostics;
  auto config =
      parse("[build]\ncxxflags = [\"-O3\", \"-o\", \"out\", \"--target=arm64\", \"-xc\", \"main.cpp\", \"-c\"]\n",
            diagnostics);
  EXPECT_FALSE(config);
  std::vector<Diagnostic> errors = diagnostics.all();
  ASSERT_EQ(errors.size(), 6u);  // -o, then "out" (not a flag), --target=, -xc, main.cpp, -c
  EXPECT_EQ(errors[0].location.line, 2u);
  EXPECT_EQ(errors[0].location.column, 20u);
  EXPECT_NE(errors[0].message.find("'-o'"), std::string::npos) << errors[0].message;
  EXPECT_NE(errors[4].message.find("'main.cpp' is not one"), std::string::npos) << errors[4].message;
}

TEST(BuildFlagsTest, IncludeDirsStayInsideTheProjectAndDefinesAreIdentifiers) {
  // Given an absolute and an escaping include folder and a define that is no identifier, we should refuse all three.
  Diagnostics diagnostics;
  auto config =
      parse("[build]\ninclude_dirs = [\"/usr/include\", \"../other\", \"ok/dir\"]\ndefines = [\"2BAD\", \"GOOD=1\"]\n",
            diagnostics);
  EXPECT_FALSE(config);
  EXPECT_EQ(diagnostics.count(Severity::Error), 3u);
}

TEST(BuildFlagsTest, UnitCommandLinesCarryTheSettingsOfTheirLanguage) {
  // Given include folders, defines, cflags and cxxflags, a C++ unit should get -I, -D and cxxflags, a C unit cflags.
  BuildFlags flags;
  flags.include_dirs = {"vendor/fmt/include"};
  flags.defines = {"FMT_HEADER_ONLY"};
  flags.cflags = {"-Wc-only"};
  flags.cxxflags = {"-Wcxx-only"};
  Toolchain toolchain;
  UnitOptions options{Target::Native, Optimize::Speed, "/p", "api/a", "/api/a"};
  options.build = &flags;
  auto cxx = frontend_command(toolchain, options, "api/a.cpp");
  ASSERT_LT(index_of(cxx, "/p/vendor/fmt/include"), cxx.size());
  EXPECT_EQ(cxx[index_of(cxx, "/p/vendor/fmt/include") - 1], "-I");
  EXPECT_TRUE(contains(cxx, "-DFMT_HEADER_ONLY"));
  EXPECT_TRUE(contains(cxx, "-Wcxx-only"));
  EXPECT_FALSE(contains(cxx, "-Wc-only"));
  auto c = frontend_command(toolchain, options, "api/b.c");
  EXPECT_TRUE(contains(c, "-Wc-only"));
  EXPECT_FALSE(contains(c, "-Wcxx-only"));
  EXPECT_TRUE(changes_compiles(&flags));
}

TEST(BuildFlagsTest, LinksGetLibDirsAndLdflagsAfterTheObjectsAndAnRpath) {
  // Given lib_dirs and ldflags with -lcurl, the link should search the folder, take the flags after the objects,
  // wrap curl_easy_init for the CA bundle and record $ORIGIN/lib as a DT_RPATH.
  BuildFlags flags;
  flags.lib_dirs = {"/usr/local/lib"};
  flags.ldflags = {"-lcurl"};
  auto link = link_command(Toolchain{}, Target::Native, Optimize::Speed, {"a.o"}, "bootstrap", {}, &flags);
  EXPECT_LT(index_of(link, "a.o"), index_of(link, "-lcurl"));
  EXPECT_TRUE(contains(link, "-L/usr/local/lib"));
  EXPECT_TRUE(contains(link, "-Wl,--wrap=curl_easy_init"));
  EXPECT_TRUE(contains(link, "-Wl,--disable-new-dtags"));
  EXPECT_TRUE(contains(link, "-Wl,-rpath,$ORIGIN/lib"));
  auto plain = link_command(Toolchain{}, Target::Native, Optimize::Speed, {"a.o"}, "bootstrap");
  EXPECT_FALSE(contains(plain, "-Wl,--wrap=curl_easy_init"));
}

TEST(BuildFlagsTest, CompdbAndLintJobsCarryAFunctionsSettingsAfterTheProjects) {
  // Given [build] defines and a function's own, compile_commands.json and the lint jobs should carry both, in order.
  testing::StageFixture fixture;
  fixture.temp.write("project/sls.toml",
                     "[build]\ndefines = [\"FROM_BUILD\"]\n[functions.\"api/a\"]\ndefines = [\"FROM_A\"]\n");
  fixture.temp.write("project/api/a.cpp", "int a;\n");
  fixture.temp.write("project/lib/util.cpp", "int u;\n");
  const BuildContext& context = fixture.load();
  std::vector<CompileCommandEntry> entries = compile_commands_for(context.project);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_LT(index_of(entries[0].arguments, "-DFROM_BUILD"), index_of(entries[0].arguments, "-DFROM_A"));
  EXPECT_TRUE(contains(entries[0].arguments, "-DFROM_A"));
  EXPECT_TRUE(contains(entries[1].arguments, "-DFROM_BUILD"));  // lib/ gets the project's
  EXPECT_FALSE(contains(entries[1].arguments, "-DFROM_A"));
  std::vector<analyzers::LintJob> jobs = lint_jobs_for(context.project, {});
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_TRUE(contains(jobs[0].compile_args, "-DFROM_A"));
}

TEST(BuildFlagsTest, ChangingASettingRecompilesAndTheSameSettingHitsTheCache) {
  // Given a built function, we should recompile it when its defines change and hit the cache when they do not.
  testing::StageFixture fixture;
  fixture.temp.write("project/sls.toml", "[build]\ndefines = [\"MODE=1\"]\n");
  fixture.temp.write("project/api/a.cpp", "int a;\n");
  auto compile_all = [](const BuildContext& context) {
    CompileStage stage(context);
    TaskGraph graph;
    stage.add_target_steps(graph);
    stage.add_function_steps(graph, 0);
    graph.run(1);
  };
  compile_all(fixture.load());
  compile_all(fixture.reload());
  EXPECT_EQ(fixture.counters.compile_hits, 1u);
  fixture.temp.write("project/sls.toml", "[build]\ndefines = [\"MODE=2\"]\n");
  compile_all(fixture.reload());
  EXPECT_EQ(fixture.counters.compiled, 1u);
  EXPECT_EQ(fixture.runner.count_with("-DMODE=2"), 1u);
}

TEST(BuildFlagsTest, PkgConfigAddsItsFlagsAndAnUnknownPackageIsALocatedError) {
  // Given pkg_config = ["libcurl"], we should add -lcurl to the link; given a package pkg-config lacks, we should
  // report it at the key; for a wasm function, we should refuse pkg_config.
  Diagnostics diagnostics;
  BuildFlags curl;
  curl.pkg_config = {"libcurl"};
  ASSERT_TRUE(resolve_build_flags(curl, "/p", Target::Native, diagnostics)) << diagnostics.all().front().detail;
  EXPECT_TRUE(contains(curl.ldflags, "-lcurl"));
  BuildFlags unknown;
  unknown.pkg_config = {"no-such-package-sls-test"};
  unknown.pkg_config_location = {"sls.toml", 4, 14};
  EXPECT_FALSE(resolve_build_flags(unknown, "/p", Target::Native, diagnostics));
  EXPECT_EQ(diagnostics.all().back().location.line, 4u);
  EXPECT_FALSE(resolve_build_flags(curl, "/p", Target::Wasm, diagnostics));
}

TEST(BuildFlagsTest, PkgConfigForArm64ReadsOnlyArm64PackagesAndSaysSo) {
  // Given pkg_config = ["libcurl"] for an arm64 function on a host whose libcurl is x86_64 only, we should
  // refuse it (the host's flags would link an x86_64 library) and say arm64 in the message.
  Diagnostics diagnostics;
  BuildFlags curl;
  curl.pkg_config = {"libcurl"};
  curl.pkg_config_location = {"sls.toml", 5, 14};
  EXPECT_FALSE(resolve_build_flags(curl, "/p", Platform{Target::Native, "arm64"}, diagnostics));
  ASSERT_FALSE(diagnostics.all().empty());
  EXPECT_EQ(diagnostics.all().back().message, "pkg-config knows no arm64 build of every package listed");
  EXPECT_NE(diagnostics.all().back().detail.find("dpkg --add-architecture arm64"), std::string::npos);
  EXPECT_TRUE(curl.ldflags.empty());
}

TEST(BuildFlagsTest, RelativeLibDirsAreResolvedAgainstTheProject) {
  // Given a project-relative and an absolute lib_dirs entry, we should make the first absolute and keep the second.
  Diagnostics diagnostics;
  BuildFlags flags;
  flags.lib_dirs = {"vendor/lib", "/opt/lib"};
  ASSERT_TRUE(resolve_build_flags(flags, "/p", Target::Native, diagnostics));
  EXPECT_EQ(flags.lib_dirs, (std::vector<std::string>{"/p/vendor/lib", "/opt/lib"}));
}

}  // namespace
}  // namespace sls

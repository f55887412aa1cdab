// compile_commands.json: exactly the flags sls compiles with, and enough for
// clangd to resolve the SDK with no errors.

#include "bundler/compile/compdb.hpp"

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bundler/project/toolchain.hpp"
#include "core/file_system.hpp"
#include "tests/dx/dx_support.hpp"

namespace sls::dx {
namespace {

// clangd --check prints "All checks completed, N errors" at the end. Per-location checks
// (--check-locations) are off: they self-test clangd's refactorings, not our flags.
bool clangd_reports_no_errors(const ProcessResult& result) {
  return result.exit_code == 0 && result.stderr_data.find("All checks completed, 0 errors") != std::string::npos;
}

TEST(CompdbTest, EntriesCarryExactlyTheFrontendCommand) {
  // Given a wasm template project, sls compdb should write frontend_command's flags for its function.
  TempDir temp("sls-dx-compdb");
  fs::path project = temp.path() / "app";
  init_project(project, "http-wasm");
  SlsRun compdb = run_sls({"compdb", project.string()});
  ASSERT_EQ(compdb.exit_code, 0) << compdb.err;
  auto entries = nlohmann::json::parse(*read_file(project / "compile_commands.json"));
  ASSERT_EQ(entries.size(), 1u);
  Toolchain toolchain = make_toolchain(InstallLayout{build_dir() / "share" / "sls"});
  UnitOptions options{Target::Wasm, Optimize::Size, fs::canonical(project), "api/hello", "/api/hello"};
  EXPECT_EQ(entries[0]["arguments"].get<std::vector<std::string>>(),
            frontend_command(toolchain, options, "api/hello.cpp"));
  EXPECT_EQ(entries[0]["directory"], fs::canonical(project).string());
}

TEST(CompdbTest, ClangdChecksTemplateFunctionsWithNoErrors) {
  // Given a template project, clangd should fail to find the SDK without the file and report no errors with it.
  for (const auto& [template_name, source] :
       {std::pair{"http-native", "api/hello.cpp"}, {"stateful-redis", "api/state.cpp"}}) {
    TempDir temp("sls-dx-compdb");
    fs::path project = temp.path() / "app";
    init_project(project, template_name);
    ProcessResult before = run({"clangd-19", "--check-locations=false", std::string("--check=") + source}, project);
    ASSERT_NE(before.exit_code, 127) << "clangd-19 is missing: run scripts/install-deps.sh";
    EXPECT_FALSE(clangd_reports_no_errors(before))
        << template_name << ": clangd found the SDK without compile_commands.json";
    ASSERT_EQ(run_sls({"compdb"}, project).exit_code, 0);
    ProcessResult after = run({"clangd-19", "--check-locations=false", std::string("--check=") + source}, project);
    EXPECT_TRUE(clangd_reports_no_errors(after)) << template_name << ":\n" << after.stderr_data;
  }
}

TEST(CompdbTest, BrokenConfigWritesNothingAndSaysWhatToDo) {
  // Given a broken sls.toml, sls compdb should exit 1, name the file and write no compile_commands.json.
  TempDir temp("sls-dx-compdb");
  fs::path project = temp.path() / "app";
  init_project(project, "http-native");
  std::ofstream(project / "sls.toml") << "[build]\ntarget = \"mips\"\n";
  SlsRun compdb = run_sls({"compdb", project.string()});
  EXPECT_EQ(compdb.exit_code, 1);
  EXPECT_NE(compdb.err.find("sls.toml:2:"), std::string::npos) << compdb.err;
  EXPECT_NE(compdb.err.find("run sls compdb again"), std::string::npos) << compdb.err;
  EXPECT_FALSE(fs::exists(project / "compile_commands.json"));
}

TEST(CompdbTest, RenderIsStableAndUnchangedFileIsNotRewritten) {
  // Given the same entries twice, we should not touch the file the second time (editors watch it).
  TempDir temp("sls-dx-compdb");
  std::vector<CompileCommandEntry> entries = {{temp.path().string(), "api/a.cpp", {"clang++-19", "api/a.cpp"}}};
  ASSERT_TRUE(write_compile_commands(temp.path(), entries));
  auto first = fs::last_write_time(temp.path() / "compile_commands.json");
  fs::last_write_time(temp.path() / "compile_commands.json", first - std::chrono::hours(1));
  ASSERT_TRUE(write_compile_commands(temp.path(), entries));
  EXPECT_EQ(fs::last_write_time(temp.path() / "compile_commands.json"), first - std::chrono::hours(1));
}

}  // namespace
}  // namespace sls::dx

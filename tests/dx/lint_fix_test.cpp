// sls lint --fix and --fix-dry-run on a template project, with the real
// binary: every rule with a fix-it (today sls-detached-thread: detach -> join),
// a fix whose result would not parse, and the diff of a dry run.

#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/dx/dx_support.hpp"

namespace sls::dx {
namespace {

const std::string k_detaching =
    "#include <sls/function.hpp>\n#include <thread>\n\n"
    "sls::Response handle(const sls::Request&, sls::Context&) {\n"
    "  std::thread a([] {});\n  a.detach();\n  std::thread b([] {});\n  b.detach();\n"
    "  return sls::Response::text(200, \"ok\");\n}\nSLS_HANDLER(handle)\n";

struct Project {
  TempDir temp{"sls-dx-fix"};
  fs::path root = temp.path() / "app";
  fs::path source = root / "api/hello.cpp";
  std::map<std::string, std::string> env{{"SLS_CACHE_DIR", (temp.path() / "cache").string()}};
};

void write(const fs::path& path, const std::string& text) {
  ASSERT_TRUE(write_file_atomically(path, text, fs::perms(0644)));
}

std::string text_of(const fs::path& path) { return read_file(path).value(); }

TEST(LintFixTest, FixAppliesEveryDetachedThreadFixItInPlace) {
  // Given two detached threads, --fix should join both, say so, and exit 0 with nothing left to report.
  Project project;
  init_project(project.root, "http-native");
  write(project.source, k_detaching);
  SlsRun run = run_sls({"lint", "--fix"}, project.root, project.env);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  std::string fixed = text_of(project.source);
  EXPECT_NE(fixed.find("  a.join();\n"), std::string::npos) << fixed;
  EXPECT_NE(fixed.find("  b.join();\n"), std::string::npos) << fixed;
  EXPECT_EQ(fixed.find("detach"), std::string::npos);
  EXPECT_NE(run.err.find("api/hello.cpp: fixed 2 fix-its (sls-detached-thread)"), std::string::npos) << run.err;
  EXPECT_EQ(run.out.find("sls-detached-thread"), std::string::npos) << run.out;  // the report is of the fixed file
  for (const auto& entry : fs::directory_iterator(project.root / "api"))  // no temporary file left beside it
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
}

TEST(LintFixTest, AFixThatWouldNotParseLeavesTheFileUntouched) {
  // Given a macro that turns `join()` into nothing, the fixed text would not parse: --fix should leave the
  // file byte for byte, report why, and exit 2.
  Project project;
  init_project(project.root, "http-native");
  std::string text = k_detaching;
  text.insert(text.find("\nsls::Response"), "\n#define join(x) x");
  write(project.source, text);
  SlsRun run = run_sls({"lint", "--fix"}, project.root, project.env);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(text_of(project.source), text);
  EXPECT_NE(run.err.find("api/hello.cpp: not fixed, left untouched: the fixed text would not parse"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.out.find("sls-detached-thread"), std::string::npos) << run.out;  // still reported
}

TEST(LintFixTest, DryRunPrintsTheDiffAndChangesNothing) {
  // Given two detached threads, --fix-dry-run should print a unified diff of both joins on stdout, leave the
  // file alone and exit 1 (the errors remain).
  Project project;
  init_project(project.root, "http-native");
  write(project.source, k_detaching);
  SlsRun run = run_sls({"lint", "--fix-dry-run"}, project.root, project.env);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(text_of(project.source), k_detaching);
  EXPECT_EQ(run.out,
            "--- a/api/hello.cpp\n+++ b/api/hello.cpp\n@@ -3,9 +3,9 @@\n \n"
            " sls::Response handle(const sls::Request&, sls::Context&) {\n"
            "   std::thread a([] {});\n-  a.detach();\n+  a.join();\n   std::thread b([] {});\n"
            "-  b.detach();\n+  b.join();\n   return sls::Response::text(200, \"ok\");\n }\n SLS_HANDLER(handle)\n");
  EXPECT_NE(run.err.find("api/hello.cpp: would fix 2 fix-its"), std::string::npos) << run.err;
  EXPECT_NE(run_sls({"lint", "--fix", "--fix-dry-run"}, project.root, project.env).exit_code, 0);
}

}  // namespace
}  // namespace sls::dx

#include "bundler/project/scan.hpp"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.hpp"

namespace sls {
namespace {

using testing::TempProject;

std::vector<std::string> names(const ProjectLayout& layout) {
  std::vector<std::string> result;
  for (const auto& function : layout.functions) result.push_back(function.name + " " + function.route);
  return result;
}

TEST(ScanTest, FindsFunctionsStaticFilesAndLib) {
  // Given the docs/design.md layout, we should find each function with its route, sorted.
  TempProject project;
  project.write("api/hello.cpp", "");
  project.write("api/users/[id].cpp", "");
  project.write("api/emulator/index.cpp", "");
  project.write("api/emulator/cpu.cpp", "");
  project.write("api/emulator/_video.c", "");
  project.write("api/_helpers.cpp", "");
  project.write("api/notes.md", "");
  project.write("api/legacy.c", "");
  project.write("lib/db.cpp", "");
  project.write("lib/db.hpp", "");
  project.write("public/index.html", "");
  project.write("public/img/logo.svg", "");
  Diagnostics diagnostics;
  ProjectLayout layout = scan_project(project.root(), diagnostics);
  EXPECT_TRUE(diagnostics.all().empty());
  EXPECT_EQ(names(layout), (std::vector<std::string>{"api/emulator /api/emulator", "api/hello /api/hello",
                                                     "api/legacy /api/legacy", "api/users/[id] /api/users/:id"}));
  EXPECT_EQ(layout.functions[0].sources,
            (std::vector<std::string>{"api/emulator/_video.c", "api/emulator/cpu.cpp", "api/emulator/index.cpp"}));
  EXPECT_EQ(layout.functions[0].entry, "api/emulator/index.cpp");
  EXPECT_EQ(layout.static_files, (std::vector<std::string>{"img/logo.svg", "index.html"}));
  EXPECT_EQ(layout.lib_sources, std::vector<std::string>{"lib/db.cpp"});
}

TEST(ScanTest, ConflictingFunctionsAreReportedAndOthersKept) {
  // Given api/a.cpp and api/a.c, we should report the clash and keep the other functions.
  TempProject project;
  project.write("api/a.c", "");
  project.write("api/a.cpp", "");
  project.write("api/b.cpp", "");
  Diagnostics diagnostics;
  ProjectLayout layout = scan_project(project.root(), diagnostics);
  ASSERT_EQ(diagnostics.all().size(), 1u);
  EXPECT_EQ(format_diagnostic(diagnostics.all()[0]),
            "api/a.cpp: error: function 'api/a' is defined twice (also by api/a.c); rename one of them");
  EXPECT_EQ(names(layout), (std::vector<std::string>{"api/a /api/a", "api/b /api/b"}));
}

TEST(ScanTest, InvalidRouteSegmentIsLocated) {
  // Given a bad bracket segment, we should name the file and skip only that function.
  TempProject project;
  project.write("api/user[id].cpp", "");
  project.write("api/ok.cpp", "");
  Diagnostics diagnostics;
  ProjectLayout layout = scan_project(project.root(), diagnostics);
  ASSERT_EQ(diagnostics.all().size(), 1u);
  EXPECT_EQ(diagnostics.all()[0].location.file, "api/user[id].cpp");
  EXPECT_EQ(layout.functions.size(), 1u);
}

TEST(ScanTest, SecretsInPublicAreNotShipped) {
  // Given .env and a private key under public/, we should skip them with a warning.
  TempProject project;
  project.write("public/index.html", "");
  project.write("public/.env.local", "");
  project.write("public/server.pem", "");
  Diagnostics diagnostics;
  ProjectLayout layout = scan_project(project.root(), diagnostics);
  EXPECT_EQ(layout.static_files, std::vector<std::string>{"index.html"});
  EXPECT_EQ(diagnostics.count(Severity::Warning), 2u);
}

TEST(ScanTest, PrebuiltWasmIsAFunction) {
  // Given api/x.wasm, we should list it as a prebuilt wasm function.
  TempProject project;
  project.write("api/x.wasm", "");
  Diagnostics diagnostics;
  ProjectLayout layout = scan_project(project.root(), diagnostics);
  ASSERT_EQ(layout.functions.size(), 1u);
  EXPECT_EQ(layout.functions[0].kind, FunctionKind::PrebuiltWasm);
}

}  // namespace
}  // namespace sls

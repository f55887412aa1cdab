// sls init: listing, scaffolding, refusing to overwrite, naming the project.

#include <fstream>

#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/dx/dx_support.hpp"

namespace sls::dx {
namespace {

TEST(InitTest, ListNamesEveryTemplateAndTheDefault) {
  // Given sls init --list, we should see every shipped template and which one is the default.
  SlsRun list = run_sls({"init", "--list"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  for (const std::string& name : template_names()) EXPECT_NE(list.out.find("  " + name), std::string::npos) << name;
  EXPECT_NE(list.out.find("http-native (default)"), std::string::npos) << list.out;
}

TEST(InitTest, DefaultTemplateNamesTheProjectAndPrintsTheNextCommand) {
  // Given sls init DIR without --template, we should get http-native named after DIR and the next command.
  TempDir temp("sls-dx-init");
  SlsRun init = run_sls({"init", "shop"}, temp.path());
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_NE(init.err.find("next: cd shop && sls build"), std::string::npos) << init.err;
  EXPECT_NE(read_file(temp.path() / "shop/sls.toml")->find("name = \"shop\""), std::string::npos);
  EXPECT_TRUE(fs::exists(temp.path() / "shop/api/hello.cpp"));
  EXPECT_FALSE(fs::exists(temp.path() / "shop/.sls-template")) << "the template's own description was copied";
  // Templates ship it as "gitignore" (no VCS files in the .deb); the project gets the dot name.
  EXPECT_TRUE(fs::exists(temp.path() / "shop/.gitignore"));
  EXPECT_FALSE(fs::exists(temp.path() / "shop/gitignore"));
}

TEST(InitTest, RefusesToOverwriteAndLeavesEveryFileAsItWas) {
  // Given a folder holding one of the template's files, we should refuse, name it, and change nothing.
  TempDir temp("sls-dx-init");
  fs::create_directories(temp.path() / "api");
  std::ofstream(temp.path() / "api/hello.cpp") << "// mine\n";
  SlsRun init = run_sls({"init", ".", "--template", "http-native"}, temp.path());
  EXPECT_EQ(init.exit_code, 1);
  EXPECT_NE(init.err.find("api/hello.cpp: exists"), std::string::npos) << init.err;
  EXPECT_NE(init.err.find("--force"), std::string::npos) << init.err;
  EXPECT_EQ(*read_file(temp.path() / "api/hello.cpp"), "// mine\n");
  EXPECT_FALSE(fs::exists(temp.path() / "sls.toml")) << "a refused init wrote files";
}

TEST(InitTest, ForceOverwrites) {
  // Given --force, we should replace the existing file with the template's.
  TempDir temp("sls-dx-init");
  fs::create_directories(temp.path() / "api");
  std::ofstream(temp.path() / "api/hello.cpp") << "// mine\n";
  SlsRun init = run_sls({"init", ".", "--force"}, temp.path());
  EXPECT_EQ(init.exit_code, 0) << init.err;
  EXPECT_NE(read_file(temp.path() / "api/hello.cpp")->find("SLS_HANDLER(handle)"), std::string::npos);
}

TEST(InitTest, UnknownTemplateSuggestsTheClosestAndTheList) {
  // Given a misspelt template, we should suggest the right one and point at --list, creating nothing.
  TempDir temp("sls-dx-init");
  SlsRun init = run_sls({"init", "app", "--template", "http-wasn"}, temp.path());
  EXPECT_EQ(init.exit_code, 1);
  EXPECT_NE(init.err.find("did you mean 'http-wasm'"), std::string::npos) << init.err;
  EXPECT_NE(init.err.find("sls init --list"), std::string::npos) << init.err;
  EXPECT_FALSE(fs::exists(temp.path() / "app"));
}

}  // namespace
}  // namespace sls::dx

// The package stage (bundler/package/package_stage.hpp): a zip made once is
// reused while its files and metadata are unchanged, and remade when not.
#include "bundler/package/package_stage.hpp"

#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "core/sha256.hpp"
#include "stage_fixture.hpp"

namespace sls {
namespace {

// Packages plan[0] from `module` into a new staged output and commits it.
FunctionBundle package_once(const BuildContext& context, const std::filesystem::path& module) {
  auto output = StagedOutput::begin(output_dir_for(context.layout().root));
  EXPECT_TRUE(output);
  PackageStage packaging(context, *output);
  FunctionBundle bundle = packaging.package(context.project.plan.at(0), module, {});
  EXPECT_TRUE(output->commit());
  packaging.save();
  return bundle;
}

class PackageStageTest : public ::testing::Test {
protected:
  void SetUp() override {
    fixture.temp.write("project/sls.toml", "[build]\ntarget = \"wasm\"\n");
    fixture.temp.write("project/api/hello.cpp", "int x;\n");
    fixture.temp.write("module.wasm", "module, first version");
  }
  std::filesystem::path module() const { return fixture.temp.root() / "module.wasm"; }
  testing::StageFixture fixture;
};

TEST_F(PackageStageTest, AnUnchangedBundleIsReusedFromTheOutput) {
  // Given a function packaged once, we should reuse its zip (same hash, no new zip) when nothing changed.
  FunctionBundle first = package_once(fixture.load(), module());
  ASSERT_EQ(first.status, FunctionStatus::Built);
  ASSERT_TRUE(first.path);
  EXPECT_EQ(fixture.counters.packaged, 1u);
  FunctionBundle second = package_once(fixture.reload(), module());
  EXPECT_EQ(fixture.counters.packaged, 0u);
  EXPECT_EQ(fixture.counters.package_hits, 1u);
  EXPECT_EQ(second.sha256, first.sha256);
  EXPECT_FALSE(fixture.diagnostics.has_errors());
}

TEST_F(PackageStageTest, AChangedArtifactMakesANewZip) {
  // Given a function whose module changed, we should write a new zip with a new hash.
  FunctionBundle first = package_once(fixture.load(), module());
  fixture.temp.write("module.wasm", "module, second version");
  FunctionBundle second = package_once(fixture.reload(), module());
  EXPECT_EQ(fixture.counters.packaged, 1u);
  EXPECT_NE(second.sha256, first.sha256);
  auto zip = read_file(output_dir_for(fixture.temp.root() / "project") / *second.path);
  ASSERT_TRUE(zip);
  EXPECT_EQ(sha256_hex(*zip), second.sha256);
}

TEST_F(PackageStageTest, AFailedFunctionKeepsItsPreviousBundleMarkedStale) {
  // Given a packaged function that then fails to build, we should keep the old zip and mark it stale.
  FunctionBundle first = package_once(fixture.load(), module());
  const BuildContext& context = fixture.reload();
  auto output = StagedOutput::begin(output_dir_for(context.layout().root));
  ASSERT_TRUE(output);
  PackageStage packaging(context, *output);
  FunctionBundle failed = packaging.package(context.project.plan.at(0), std::nullopt, {});
  EXPECT_EQ(failed.status, FunctionStatus::Failed);
  EXPECT_TRUE(failed.stale);
  EXPECT_EQ(failed.sha256, first.sha256);
}

}  // namespace
}  // namespace sls

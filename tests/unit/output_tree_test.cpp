#include <gtest/gtest.h>

#include "bundler/output_tree.hpp"
#include "core/file_system.hpp"
#include "tests/support/temp_project.hpp"

namespace sls {
namespace {

using testing::TempProject;

TEST(OutputTreeTest, CommitReplacesTheWholeTree) {
  // Given an old output, we should see only the new files after commit.
  TempProject dir;
  dir.write("out/old.txt", "old");
  {
    auto staged = StagedOutput::begin(dir.root() / "out");
    ASSERT_TRUE(staged);
    ASSERT_TRUE(staged->write_file("new.txt", "new", fs::perms(0644)));
    EXPECT_FALSE(fs::exists(dir.root() / "out/new.txt"));  // invisible until commit
    ASSERT_TRUE(staged->commit());
  }
  EXPECT_EQ(list_files_sorted(dir.root() / "out"), std::vector<std::string>{"new.txt"});
  EXPECT_EQ(list_files_sorted(dir.root()), std::vector<std::string>{"out/new.txt"});  // no staging left
}

TEST(OutputTreeTest, AbandonedStagingLeavesOldOutput) {
  // Given a build that never commits, we should keep the old output untouched.
  TempProject dir;
  dir.write("out/old.txt", "old");
  {
    auto staged = StagedOutput::begin(dir.root() / "out");
    ASSERT_TRUE(staged);
    ASSERT_TRUE(staged->write_file("new.txt", "new", fs::perms(0644)));
  }
  EXPECT_EQ(list_files_sorted(dir.root()), std::vector<std::string>{"out/old.txt"});
}

TEST(OutputTreeTest, KeepPreviousCarriesAFileOver) {
  // Given a file in the current output, we should carry it into the new one on request.
  TempProject dir;
  dir.write("out/functions/api/x.zip", "zip");
  auto staged = StagedOutput::begin(dir.root() / "out");
  ASSERT_TRUE(staged);
  EXPECT_TRUE(staged->keep_previous("functions/api/x.zip"));
  EXPECT_FALSE(staged->keep_previous("functions/api/missing.zip"));
  ASSERT_TRUE(staged->commit());
  EXPECT_EQ(*read_file(dir.root() / "out/functions/api/x.zip"), "zip");
}

TEST(OutputTreeTest, LeftoversOfDeadBuildsAreRemoved) {
  // Given a staging folder of a process that no longer exists, we should delete it.
  TempProject dir;
  dir.write("out.staging-999999999/junk", "x");
  auto staged = StagedOutput::begin(dir.root() / "out");
  ASSERT_TRUE(staged);
  EXPECT_FALSE(fs::exists(dir.root() / "out.staging-999999999"));
}

}  // namespace
}  // namespace sls

#include "core/staged_output.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls {
namespace fs = std::filesystem;
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

ino_t inode_of(const fs::path& path) {
  struct stat info{};
  return ::stat(path.c_str(), &info) == 0 ? info.st_ino : 0;
}

TEST(OutputTreeTest, ANewOutputEqualToTheCurrentOneTouchesNothing) {
  // Given every file carried over or rewritten with the same bytes, we should leave the output as it was.
  TempProject dir;
  dir.write("out/functions/api/x.zip", "zip");
  dir.write("out/manifest.json", "{}\n");
  fs::permissions(dir.root() / "out/manifest.json", fs::perms(0644));
  ino_t manifest_inode = inode_of(dir.root() / "out/manifest.json");
  auto staged = StagedOutput::begin(dir.root() / "out");
  ASSERT_TRUE(staged);
  EXPECT_TRUE(staged->keep_previous("functions/api/x.zip"));
  ASSERT_TRUE(staged->write_file("manifest.json", "{}\n", fs::perms(0644)));
  EXPECT_EQ(staged->path_of("manifest.json"), dir.root() / "out/manifest.json");
  ASSERT_TRUE(staged->commit());
  EXPECT_EQ(inode_of(dir.root() / "out/manifest.json"), manifest_inode);
  EXPECT_EQ(list_files_sorted(dir.root()), (std::vector<std::string>{"out/functions/api/x.zip", "out/manifest.json"}));
}

TEST(OutputTreeTest, AFileLeftOutOrChangedReplacesTheTree) {
  // Given a function that is gone and a manifest that changed, we should swap in the new tree.
  TempProject dir;
  dir.write("out/functions/api/x.zip", "zip");
  dir.write("out/functions/api/gone.zip", "old");
  dir.write("out/manifest.json", "{}\n");
  {
    auto staged = StagedOutput::begin(dir.root() / "out");
    ASSERT_TRUE(staged);
    EXPECT_TRUE(staged->keep_previous("functions/api/x.zip"));
    ASSERT_TRUE(staged->commit());  // gone.zip was not carried over
  }
  EXPECT_EQ(list_files_sorted(dir.root() / "out"), std::vector<std::string>{"functions/api/x.zip"});
  {
    auto staged = StagedOutput::begin(dir.root() / "out");
    ASSERT_TRUE(staged);
    EXPECT_TRUE(staged->keep_previous("functions/api/x.zip"));
    ASSERT_TRUE(staged->write_file("manifest.json", "{\"v\":2}\n", fs::perms(0644)));
    ASSERT_TRUE(staged->commit());
  }
  EXPECT_EQ(*read_file(dir.root() / "out/manifest.json"), "{\"v\":2}\n");
  EXPECT_EQ(*read_file(dir.root() / "out/functions/api/x.zip"), "zip");
  EXPECT_EQ(list_files_sorted(dir.root()), (std::vector<std::string>{"out/functions/api/x.zip", "out/manifest.json"}));
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

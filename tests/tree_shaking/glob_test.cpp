#include "core/glob.hpp"

#include <gtest/gtest.h>

namespace sls {
namespace {

TEST(GlobTest, StarStaysInOneFolder) {
  // Given `*`, we should match within one path segment only.
  EXPECT_TRUE(glob_match("data/*.csv", "data/a.csv"));
  EXPECT_FALSE(glob_match("data/*.csv", "data/sub/a.csv"));
  EXPECT_FALSE(glob_match("data/*.csv", "data/a.txt"));
  EXPECT_TRUE(glob_match("roms/?.gb", "roms/a.gb"));
  EXPECT_TRUE(glob_match("data/[ab].txt", "data/b.txt"));
}

TEST(GlobTest, DoubleStarSpansFolders) {
  // Given `**`, we should match zero or more folders.
  EXPECT_TRUE(glob_match("data/**/*.csv", "data/a.csv"));
  EXPECT_TRUE(glob_match("data/**/*.csv", "data/x/y/a.csv"));
  EXPECT_TRUE(glob_match("**", "data/x/a.csv"));
  EXPECT_FALSE(glob_match("data/**/*.csv", "other/a.csv"));
}

TEST(GlobTest, LiteralPatternsMatchOneFile) {
  // Given a pattern without wildcards, we should match exactly that path.
  EXPECT_TRUE(glob_match("data/a.txt", "data/a.txt"));
  EXPECT_FALSE(glob_match("data/a.txt", "data/a.txt.bak"));
  EXPECT_TRUE(is_literal_glob("data/a.txt"));
  EXPECT_FALSE(is_literal_glob("data/*.txt"));
}

TEST(GlobTest, RefusesGlobsReachingOutsideTheProject) {
  // Given absolute globs, `..` segments or the output folder, we should refuse them and say why.
  EXPECT_FALSE(check_glob("/etc/passwd"));
  EXPECT_FALSE(check_glob("~/secrets/*"));
  EXPECT_FALSE(check_glob("../other/*.txt"));
  EXPECT_FALSE(check_glob("data/../../x"));
  EXPECT_FALSE(check_glob(".sls/output/**"));
  EXPECT_FALSE(check_glob(""));
  EXPECT_NE(check_glob("../x").error().message.find("'..'"), std::string::npos);
  EXPECT_TRUE(check_glob("data/**/*.csv"));
  EXPECT_TRUE(check_glob("data..old/x"));  // '..' inside a name is fine
}

}  // namespace
}  // namespace sls

// apply_fixits and unified_diff: the text side of `sls lint --fix` and
// `--fix-dry-run` (the command itself is tested in tests/dx/lint_fix_test.cpp).

#include <gtest/gtest.h>

#include "analyzers/fixes.hpp"

namespace sls::analyzers {
namespace {

FixIt fix(unsigned line, unsigned column, unsigned end_column, std::string text) {
  return {{"api/x.cpp", line, column}, end_column, std::move(text)};
}

TEST(FixesTest, AppliesEveryFixItWhateverTheirOrder) {
  // Given two fix-its on different lines listed last first, we should apply both.
  auto fixed = apply_fixits("a.detach();\nb.detach();\n", {fix(2, 3, 9, "join"), fix(1, 3, 9, "join")});
  ASSERT_TRUE(fixed);
  EXPECT_EQ(*fixed, "a.join();\nb.join();\n");
}

TEST(FixesTest, OverlappingOrOutOfRangeFixItsAreRefusedAsAWhole) {
  // Given overlapping fix-its, or one past its line or the file, we should refuse the whole set.
  EXPECT_FALSE(apply_fixits("abcdef\n", {fix(1, 1, 4, "x"), fix(1, 3, 5, "y")}));
  EXPECT_FALSE(apply_fixits("abc\n", {fix(1, 2, 9, "x")}));
  EXPECT_FALSE(apply_fixits("abc\n", {fix(7, 1, 2, "x")}));
  EXPECT_FALSE(apply_fixits("abc\n", {fix(1, 0, 2, "x")}));
}

TEST(FixesTest, DiffHasOneHunkPerDistantChangeWithThreeLinesOfContext) {
  // Given changes on lines 2 and 12 of 14, we should write two hunks with 3 lines of context each.
  std::string before, after;
  for (int i = 1; i <= 14; ++i) {
    before += "l" + std::to_string(i) + "\n";
    after += (i == 2 || i == 12 ? "L" : "l") + std::to_string(i) + "\n";
  }
  EXPECT_EQ(unified_diff("api/x.cpp", before, after),
            "--- a/api/x.cpp\n+++ b/api/x.cpp\n"
            "@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n"
            "@@ -9,6 +9,6 @@\n l9\n l10\n l11\n-l12\n+L12\n l13\n l14\n");
  EXPECT_EQ(unified_diff("api/x.cpp", before, before), "");
}

TEST(FixesTest, DiffMarksALastLineWithoutNewlineAndHandlesAddedLines) {
  // Given a last line without a newline, we should mark it as git does; an added line makes one hunk.
  EXPECT_EQ(unified_diff("f", "a\nb", "a\nc"), "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  EXPECT_EQ(unified_diff("f", "a\nb\n", "a\nx\nb\n"), "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n+x\n b\n");
}

}  // namespace
}  // namespace sls::analyzers

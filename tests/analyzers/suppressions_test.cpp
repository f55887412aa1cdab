#include "analyzers/suppressions.hpp"

#include <gtest/gtest.h>

namespace {

using sls::analyzers::Suppressions;

// Given NOLINT forms on various lines, we should suppress exactly the lines and rules they name.
TEST(Suppressions, CoversTheNamedLinesAndRules) {
  Suppressions suppressions(
      "a(); // NOLINT(sls-posix-timer)\n"           // 1
      "// NOLINTNEXTLINE(sls-dlopen, sls-tmp-*)\n"  // 2
      "b();\n"                                      // 3
      "// NOLINTBEGIN(sls-dlopen)\n"                // 4
      "c();\n"                                      // 5
      "// NOLINTEND(sls-dlopen)\n"                  // 6
      "d(); // NOLINT\n",                           // 7
      "x.cpp");
  EXPECT_TRUE(suppressions.suppresses("sls-posix-timer", 1));
  EXPECT_FALSE(suppressions.suppresses("sls-dlopen", 1));
  EXPECT_TRUE(suppressions.suppresses("sls-tmp-lifecycle", 3));
  EXPECT_FALSE(suppressions.suppresses("sls-tmp-lifecycle", 2));
  EXPECT_TRUE(suppressions.suppresses("sls-dlopen", 5));
  EXPECT_FALSE(suppressions.suppresses("sls-posix-timer", 5));
  EXPECT_TRUE(suppressions.suppresses("sls-anything", 7));
}

// Given a suppression that matches no finding, we should report it as unused, at its own line.
TEST(Suppressions, ReportsUnusedOnes) {
  Suppressions suppressions("a(); // NOLINT(sls-posix-timer)\n// NOLINTNEXTLINE(sls-dlopen)\nb();\n", "x.cpp");
  EXPECT_TRUE(suppressions.suppresses("sls-posix-timer", 1));
  auto unused = suppressions.unused();
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].position.line, 2u);
  EXPECT_EQ(unused[0].rule_id, "sls-unused-suppression");
}

// Given a NOLINT for another tool's check, we should not call it unused: it is not ours.
TEST(Suppressions, IgnoresOtherToolsWhenReportingUnused) {
  Suppressions suppressions("a(); // NOLINT(bugprone-foo)\n", "x.cpp");
  EXPECT_TRUE(suppressions.unused().empty());
}

// Given a NOLINTBEGIN without its NOLINTEND, we should report the unbalanced block.
TEST(Suppressions, ReportsUnbalancedBlocks) {
  Suppressions suppressions("// NOLINTBEGIN(sls-dlopen)\na();\n", "x.cpp");
  ASSERT_EQ(suppressions.problems().size(), 1u);
  EXPECT_EQ(suppressions.problems()[0].position.line, 1u);
}

}  // namespace

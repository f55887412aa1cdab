#include "bundler/shake/budgets.hpp"

#include <gtest/gtest.h>

namespace sls {
namespace {

TEST(BudgetsTest, WithinEveryLimitIsFine) {
  // Given a small bundle, we should report nothing.
  EXPECT_TRUE(check_budget({{"bootstrap", 1000}, {"data/a", 10}}, 600, {}).empty());
}

TEST(BudgetsTest, AWSQuotasNameTheLargestFiles) {
  // Given a bundle over both AWS quotas, we should report both and name the biggest file first.
  std::vector<SizedFile> files = {{"bootstrap", 1'000'000}, {"data/huge.bin", 262'000'000}, {"lib/libx.so", 5'000'000}};
  auto problems = check_budget(files, k_max_zipped_bytes + 1, {});
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("zipped bundle is 52428801 bytes, over the limit of 52428800"), std::string::npos);
  EXPECT_NE(problems[1].find("unzipped bundle is 268000000 bytes, over the limit of 262144000"), std::string::npos);
  EXPECT_NE(problems[1].find("largest files: data/huge.bin (249.9 MB), lib/libx.so (4.8 MB), bootstrap (976.6 KB)"),
            std::string::npos)
      << problems[1];
}

TEST(BudgetsTest, MaxSizeIsCheckedOnTheUnzippedSize) {
  // Given max_size below the unzipped size, we should report it even though the zip is small.
  BundleBudget budget;
  budget.max_size = 1500;
  auto problems = check_budget({{"bootstrap", 1000}, {"data/a", 600}}, 500, budget);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("max_size"), std::string::npos);
  EXPECT_NE(problems[0].find("bootstrap (1000 B), data/a (600 B)"), std::string::npos) << problems[0];
}

}  // namespace
}  // namespace sls

#include <gtest/gtest.h>

#include "config/project_config.hpp"

namespace sls {
namespace {

std::optional<ProjectConfig> parse(const std::string& text, Diagnostics& diagnostics) {
  return parse_project_config(text, "sls.toml", "demo", diagnostics);
}

TEST(ConfigKeysTest, LinkAndMaxSizeAreRead) {
  // Given link and max_size in a [functions] table, we should read both.
  Diagnostics diagnostics;
  auto config = parse("[functions.\"api/x\"]\nlink = [\"hiredis\", \"stdc++fs\"]\nmax_size = 5000000\n", diagnostics);
  ASSERT_TRUE(config);
  const FunctionSettings& settings = config->functions.at("api/x");
  EXPECT_EQ(settings.link, (std::vector<std::string>{"hiredis", "stdc++fs"}));
  EXPECT_EQ(settings.max_size, 5000000);
}

TEST(ConfigKeysTest, LinkRefusesFlagsAndPaths) {
  // Given link entries that are flags or paths, we should report them at their location.
  Diagnostics diagnostics;
  EXPECT_FALSE(parse("[functions.\"api/x\"]\nlink = [\"-Wl,-rpath,/tmp\"]\n", diagnostics));
  EXPECT_FALSE(parse("[functions.\"api/x\"]\nlink = [\"../libevil.so\"]\n", diagnostics));
  ASSERT_EQ(diagnostics.count(Severity::Error), 2u);
  EXPECT_EQ(format_diagnostic(diagnostics.all()[0]).rfind("sls.toml:2:8: error: 'link' holds library names", 0), 0u)
      << format_diagnostic(diagnostics.all()[0]);
}

TEST(ConfigKeysTest, MaxSizeMustFitTheLambdaQuota) {
  // Given max_size of 0 or above 262,144,000 bytes, we should refuse it.
  // (Two reports: one Diagnostics would merge the two identical messages into one.)
  for (const char* value : {"0", "262144001"}) {
    Diagnostics diagnostics;
    EXPECT_FALSE(parse(std::string("[functions.\"api/x\"]\nmax_size = ") + value + "\n", diagnostics));
    EXPECT_EQ(diagnostics.count(Severity::Error), 1u) << value;
  }
}

}  // namespace
}  // namespace sls

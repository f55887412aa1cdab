// [static] rules and per-function cache_control: parsed with locations,
// resolved with the documented defaults (docs/configuration.md).

#include <gtest/gtest.h>

#include "bundler/output/cache_policy.hpp"
#include "config/project_config.hpp"

namespace sls {
namespace {

std::optional<ProjectConfig> parse(const std::string& text, Diagnostics& diagnostics) {
  return parse_project_config(text, "sls.toml", "app", diagnostics);
}

// Given [static] rules and a function's cache_control, we should read them in file order.
TEST(CachePolicy, ReadsRulesAndFunctionCacheControl) {
  Diagnostics diagnostics;
  auto config = parse(R"([static]
rules = [
  { glob = "img/**", cache_control = "public, max-age=86400" },
  { glob = "*.txt", cache_control = "no-store" },
]
[functions."api/hello"]
cache_control = "public, max-age=60"
)",
                      diagnostics);
  ASSERT_TRUE(config) << (diagnostics.all().empty() ? "" : format_diagnostic(diagnostics.all()[0]));
  ASSERT_EQ(config->static_rules.size(), 2u);
  EXPECT_EQ(config->static_rules[0].glob, "img/**");
  EXPECT_EQ(config->static_rules[1].cache_control, "no-store");
  EXPECT_EQ(config->functions["api/hello"].cache_control, "public, max-age=60");
}

// Given bad rules, we should name each problem at its file:line:col.
TEST(CachePolicy, BadRulesNameTheirLocation) {
  Diagnostics diagnostics;
  auto config = parse(R"([static]
rules = [
  { glob = "*.css" },
  { glob = "../x", cache_control = "no-store" },
  { glob = "*.js", cache_control = "a\nb" },
  { glob = "*.js", cache_contrl = "x", cache_control = "y" },
]
[functions."api/x"]
cache_control = 3
)",
                      diagnostics);
  ASSERT_FALSE(config);
  std::vector<std::string> messages;
  for (const Diagnostic& diagnostic : diagnostics.all()) messages.push_back(format_diagnostic(diagnostic));
  ASSERT_EQ(messages.size(), 5u);
  EXPECT_NE(messages[0].find("sls.toml:3:3: error: a [static] rule needs both 'glob' and 'cache_control'"), std::string::npos) << messages[0];
  EXPECT_NE(messages[1].find("sls.toml:4:12:"), std::string::npos) << messages[1];
  EXPECT_NE(messages[2].find("sls.toml:5:36: error: 'cache_control' must be a non-empty Cache-Control value"), std::string::npos) << messages[2];
  EXPECT_NE(messages[3].find("sls.toml:6:20: error: unknown key 'cache_contrl'"), std::string::npos) << messages[3];
  EXPECT_NE(messages[3].find("did you mean 'cache_control'"), std::string::npos) << messages[3];
  EXPECT_NE(messages[4].find("sls.toml:9:17: error: 'cache_control' must be a string"), std::string::npos) << messages[4];
}

// Given no rule, we should give fingerprinted assets a year, HTML revalidation, others nothing.
TEST(CachePolicy, DefaultsForFingerprintsAndHtml) {
  EXPECT_EQ(static_cache_control({}, "app.3f2a1c9e.js"), "public, max-age=31536000, immutable");
  EXPECT_EQ(static_cache_control({}, "assets/chunk-0123abcd.css"), "public, max-age=31536000, immutable");
  EXPECT_EQ(static_cache_control({}, "index.html"), "public, max-age=0, must-revalidate");
  EXPECT_EQ(static_cache_control({}, "docs/a.htm"), "public, max-age=0, must-revalidate");
  EXPECT_EQ(static_cache_control({}, "app.js"), std::nullopt);
  EXPECT_EQ(static_cache_control({}, "app.3f2a1c.js"), std::nullopt) << "6 hex digits are not a fingerprint";
  EXPECT_EQ(static_cache_control({}, "deadbeef.png/x.txt"), std::nullopt);
}

// Given a rule that matches, it should win over the defaults; the first matching rule wins.
TEST(CachePolicy, FirstMatchingRuleWins) {
  std::vector<StaticRule> rules = {{"*.html", "no-store", {}}, {"**", "public, max-age=5", {}}};
  EXPECT_EQ(static_cache_control(rules, "index.html"), "no-store");
  EXPECT_EQ(static_cache_control(rules, "app.3f2a1c9e.js"), "public, max-age=5");
}

}  // namespace
}  // namespace sls

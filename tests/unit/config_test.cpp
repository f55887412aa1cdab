#include <gtest/gtest.h>

#include "config/project_config.hpp"

namespace sls {
namespace {

std::optional<ProjectConfig> parse(const std::string& text, Diagnostics& diagnostics) {
  return parse_project_config(text, "sls.toml", "default-name", diagnostics);
}

std::string only_message(const Diagnostics& diagnostics) {
  auto all = diagnostics.all();
  return all.size() == 1 ? format_diagnostic(all[0]) : "expected one diagnostic, got " + std::to_string(all.size());
}

TEST(ConfigTest, EmptyFileGivesDefaults) {
  // Given an empty sls.toml, we should get the documented defaults.
  Diagnostics diagnostics;
  auto config = parse("", diagnostics);
  ASSERT_TRUE(config);
  EXPECT_EQ(config->name, "default-name");
  EXPECT_EQ(config->regions, std::vector<std::string>{"iad1"});
  EXPECT_EQ(config->target, Target::Native);
  EXPECT_EQ(config->arch, "x86_64");
  EXPECT_EQ(config->optimize, Optimize::Speed);
  EXPECT_EQ(config->lint.profile, "lambda-default");
}

TEST(ConfigTest, ReadsEveryDocumentedKey) {
  // Given the docs/design.md example file, we should read every key it sets.
  Diagnostics diagnostics;
  auto config = parse(R"(
[project]
name = "pokemon"
regions = ["iad1"]
[build]
target = "native"
arch = "x86_64"
optimize = "size"
[functions."api/emulator"]
target = "wasm"
regions = ["iad1", "fra1"]
memory = 3008
max_duration = 10
include = ["roms/*.gb"]
env = { DB_REGION = "eu", A = "1" }
[lint]
profile = "snapshot"
severity = { "sls-global-mutable-state" = "error" }
)",
                      diagnostics);
  ASSERT_TRUE(config) << only_message(diagnostics);
  EXPECT_EQ(config->name, "pokemon");
  EXPECT_EQ(config->optimize, Optimize::Size);
  const FunctionSettings& emulator = config->functions.at("api/emulator");
  EXPECT_EQ(emulator.target, Target::Wasm);
  EXPECT_EQ(emulator.regions, (std::vector<std::string>{"iad1", "fra1"}));
  EXPECT_EQ(emulator.memory_mb, 3008);
  EXPECT_EQ(emulator.max_duration_s, 10);
  ASSERT_EQ(emulator.include.size(), 1u);
  EXPECT_EQ(emulator.include[0].pattern, "roms/*.gb");
  EXPECT_EQ(emulator.include[0].where.line, 14u);  // its own line, where a warning about it points
  EXPECT_EQ(emulator.include[0].where.column, 12u);
  ASSERT_EQ(emulator.env.size(), 2u);
  EXPECT_EQ(emulator.env[0].first, "A");  // sorted, for deterministic output
  EXPECT_EQ(config->lint.profile, "snapshot");
  ASSERT_EQ(config->lint.severity.size(), 1u);
  EXPECT_EQ(config->lint.severity[0].rule, "sls-global-mutable-state");
  EXPECT_EQ(config->lint.severity[0].severity, "error");
}

TEST(ConfigTest, MalformedTomlNamesLineAndColumn) {
  // Given a syntax error on line 2, we should report sls.toml:2:COL and no config.
  Diagnostics diagnostics;
  auto config = parse("[project]\nname = \"x\n", diagnostics);
  EXPECT_FALSE(config);
  EXPECT_EQ(only_message(diagnostics).rfind("sls.toml:2:", 0), 0u) << only_message(diagnostics);
}

TEST(ConfigTest, AFloatWhereAnIntegerBelongsIsAnError) {
  // Given memory = 1e24 (found by fuzz_config), we should report the key, not convert the float unchecked.
  Diagnostics diagnostics;
  EXPECT_FALSE(parse("[functions.\"api/x\"]\nmemory = 1e24\n", diagnostics));
  EXPECT_NE(only_message(diagnostics).find("sls.toml:2:10: error: 'memory' must be an integer"), std::string::npos)
      << only_message(diagnostics);
}

TEST(ConfigTest, UnknownKeyGetsLocationAndHint) {
  // Given a misspelt key, we should name its position and suggest the real key.
  Diagnostics diagnostics;
  auto config = parse("[project]\nregoins = [\"iad1\"]\n", diagnostics);
  EXPECT_FALSE(config);
  EXPECT_EQ(only_message(diagnostics),
            "sls.toml:2:1: error: unknown key 'regoins' in [project] (did you mean 'regions'?)");
}

TEST(ConfigTest, UnknownTableGetsHint) {
  // Given a misspelt table name, we should suggest the real one.
  Diagnostics diagnostics;
  EXPECT_FALSE(parse("[biuld]\ntarget = \"wasm\"\n", diagnostics));
  EXPECT_NE(only_message(diagnostics).find("did you mean 'build'?"), std::string::npos);
}

TEST(ConfigTest, BadValuesAreAllReported) {
  // Given several bad values, we should report each one in a single pass.
  Diagnostics diagnostics;
  auto config = parse(R"([build]
target = "wasi"
optimize = 3
[functions."api/x"]
memory = 64
max_duration = 1000
regions = []
[lint]
profile = "snapshots"
severity = { "sls-cached-time" = "fatal" }
)",
                      diagnostics);
  EXPECT_FALSE(config);
  auto all = diagnostics.all();
  ASSERT_EQ(all.size(), 7u);
  EXPECT_EQ(format_diagnostic(all[0]),
            "sls.toml:2:10: error: 'target' must be one of \"native\", \"wasm\", not \"wasi\" (did you mean 'wasm'?)");
  EXPECT_EQ(all[2].location.line, 5u);
  EXPECT_NE(all[5].message.find("did you mean 'snapshot'?"), std::string::npos);
}

TEST(ConfigTest, ConcurrencyIsAnIntegerFromOneTo64) {
  // Given concurrency = 4 on one function and 65 on another, we should keep the 4 and refuse the 65 at its line.
  Diagnostics diagnostics;
  auto good = parse("[functions.\"api/a\"]\nconcurrency = 4\n", diagnostics);
  ASSERT_TRUE(good) << only_message(diagnostics);
  EXPECT_EQ(good->functions.at("api/a").concurrency, 4);
  Diagnostics bad_diagnostics;
  EXPECT_FALSE(parse("[functions.\"api/a\"]\nconcurrency = 65\n", bad_diagnostics));
  EXPECT_EQ(only_message(bad_diagnostics), "sls.toml:2:15: error: 'concurrency' must be an integer from 1 to 64");
}

TEST(ConfigTest, ArchIsX86_64UnlessSetForTheProjectOrAFunction) {
  // Given arch = "arm64" in [build] and "x86_64" for one function, we should read both; the default is x86_64.
  Diagnostics diagnostics;
  auto config = parse("[build]\narch = \"arm64\"\n[functions.\"api/a\"]\narch = \"x86_64\"\n", diagnostics);
  ASSERT_TRUE(config) << only_message(diagnostics);
  EXPECT_EQ(config->arch, "arm64");
  EXPECT_EQ(config->functions.at("api/a").arch, "x86_64");
  auto plain = parse("[build]\n", diagnostics);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->arch, "x86_64");
}

TEST(ConfigTest, UnknownArchIsRefusedAtItsValue) {
  // Given arch = "aarch64" (the GNU name, not Lambda's), we should refuse it at its value.
  Diagnostics diagnostics;
  EXPECT_FALSE(parse("[build]\narch = \"aarch64\"\n", diagnostics));
  EXPECT_NE(only_message(diagnostics).find("sls.toml:2:8: error: 'arch'"), std::string::npos)
      << only_message(diagnostics);
  EXPECT_NE(only_message(diagnostics).find("arm64"), std::string::npos) << only_message(diagnostics);
}

TEST(ConfigTest, ArchOnAWasmFunctionIsRefused) {
  // Given a function table with target = "wasm" and an arch, we should refuse the arch at its line.
  Diagnostics diagnostics;
  EXPECT_FALSE(parse("[functions.\"api/a\"]\ntarget = \"wasm\"\narch = \"arm64\"\n", diagnostics));
  EXPECT_EQ(only_message(diagnostics), "sls.toml:3:8: error: 'arch' applies to native functions; this function is "
                                       "target = \"wasm\" (remove 'arch', or set target = \"native\")");
}

TEST(ConfigTest, RuntimeIsProvidedAl2023UnlessSetForTheProjectOrAFunction) {
  // Given runtime = "provided.al2" in [build] and provided.al2023 for one function, we should read both.
  Diagnostics diagnostics;
  auto config = parse("[build]\nruntime = \"provided.al2\"\n[functions.\"api/new\"]\nruntime = \"provided.al2023\"\n",
                      diagnostics);
  ASSERT_TRUE(config);
  EXPECT_EQ(config->runtime, "provided.al2");
  EXPECT_EQ(config->functions["api/new"].runtime, "provided.al2023");
  EXPECT_EQ(parse("", diagnostics)->runtime, "provided.al2023");
}

TEST(ConfigTest, UnknownRuntimeNamesTheChoices) {
  // Given a runtime sls has no profile for, we should name its position and the runtimes there are.
  Diagnostics diagnostics;
  EXPECT_FALSE(parse("[functions.\"api/x\"]\nruntime = \"provided.al1\"\n", diagnostics));
  EXPECT_EQ(only_message(diagnostics).rfind("sls.toml:2:11: error: 'runtime' must be one of \"provided.al2023\", \"provided.al2\"", 0), 0u)
      << only_message(diagnostics);
}

}  // namespace
}  // namespace sls

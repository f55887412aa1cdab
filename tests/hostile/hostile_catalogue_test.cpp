// The hostile-project catalogue (docs/reliability.md): every case is a
// project made as a careless or hostile user would, its expected exit status,
// a message that must appear, and the invariants checked after it — nothing
// from outside the project in any zip or in static/, the healthy function
// still built, or (for config errors) nothing written at all.
#include <gtest/gtest.h>

#include <set>

#include "tests/hostile/hostile_project.hpp"

namespace sls::hostile {
namespace {

std::vector<HostileCase> all_cases() {
  std::vector<HostileCase> cases;
  for (auto family : {outside_cases, secret_cases, config_cases, source_cases, cache_cases, bundle_cases})
    for (HostileCase& c : family()) cases.push_back(std::move(c));
  return cases;
}

class HostileCatalogueTest : public ::testing::TestWithParam<HostileCase> {};

void expect_outcome(const HostileProject& project, Outcome outcome, const std::string& log) {
  switch (outcome) {
    case Outcome::GoodStillBuilt:
    case Outcome::PreviousKept:
      EXPECT_TRUE(project.has_bundle("api/good")) << "the healthy function has no bundle\n" << log;
      EXPECT_TRUE(fs::is_regular_file(project.root() / ".sls/output/manifest.json")) << log;
      break;
    case Outcome::NothingWritten:
      EXPECT_FALSE(fs::exists(project.root() / ".sls/output")) << "a broken config must build nothing\n" << log;
      break;
    case Outcome::NoCheck:
      break;
  }
}

TEST_P(HostileCatalogueTest, FailsClearlyAndShipsNothingFromOutside) {
  // Given the case's project, we should exit as expected with its message, keep the healthy function built, and
  // find no byte of the outside folder anywhere in the output.
  const HostileCase& c = GetParam();
  HostileProject project;
  if (c.build_first) {
    e2e::SlsRun first = project.sls({"build", project.root().string()});
    ASSERT_EQ(first.exit_code, 0) << first.err;
  }
  c.setup(project);
  std::vector<std::string> args = c.args.empty() ? std::vector<std::string>{"build"} : c.args;
  bool named_root = false;
  for (std::string& arg : args) {
    for (auto at = arg.find("{root}"); at != std::string::npos; at = arg.find("{root}")) {
      arg.replace(at, 6, project.root().string());
      named_root = true;
    }
  }
  if (!named_root && (args.front() == "build" || args.front() == "lint")) args.push_back(project.root().string());
  std::map<std::string, std::string> env = c.env;
  for (auto& [name, value] : env)
    if (value == "{cache}") value = project.private_cache().string();
  e2e::SlsRun run = project.sls(args, env);
  std::string log = run.out + run.err;
  EXPECT_EQ(run.exit_code, c.exit_code) << log;
  EXPECT_NE(log.find(c.message), std::string::npos) << "expected the message: " << c.message << "\n" << log;
  EXPECT_EQ(log.find("terminate called"), std::string::npos) << log;
  EXPECT_EQ(log.find("internal error"), std::string::npos) << log;
  expect_outcome(project, c.outcome, log);
  for (const auto& [file, bytes] : project.output_contents())
    EXPECT_EQ(bytes.find(k_canary), std::string::npos) << file << " holds bytes from outside the project";
  if (c.check) c.check(project, run);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, HostileCatalogueTest, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<HostileCase>& info) { return info.param.name; });

TEST(HostileCatalogue, HoldsAtLeastAHundredCases) {
  // Given the catalogue, we should have at least a hundred cases with distinct names.
  std::vector<HostileCase> cases = all_cases();
  std::set<std::string> names;
  for (const HostileCase& c : cases) names.insert(c.name);
  EXPECT_GE(cases.size(), 100u);
  EXPECT_EQ(names.size(), cases.size());
}

}  // namespace
}  // namespace sls::hostile

// The shared HTTP cache of docs/design.md §8 (SLS_REMOTE_CACHE), against a
// loopback server speaking bazel-remote's layout: one machine's results serve
// another's build, and nothing the server sends is used unchecked.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file_system.hpp"
#include "tests/e2e/e2e_support.hpp"
#include "tests/e2e/remote_cache_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::e2e {
namespace {

using testing::TempProject;

const char* const k_function = R"(#include <sls/function.hpp>
#include "shared.hpp"
sls::Response h(const sls::Request&, sls::Context&) { return sls::Response::text(200, shared_word()); }
SLS_HANDLER(h)
)";

class RemoteCacheTest : public ::testing::Test {
protected:
  RemoteCacheTest() {
    m_project.write("lib/shared.hpp",
                    "#pragma once\n#include <string>\ninline std::string shared_word() { return \"one\"; }\n");
    m_project.write("api/a.cpp", k_function);
    m_project.write("api/b.cpp", k_function);
  }

  // `sls build --json` on a machine whose local cache is `cache`, sharing through `remote`.
  SlsRun build_on(const TempProject& cache, const std::string& remote) {
    return run_sls({"build", "--json", m_project.root().string()}, {},
                   {{"SLS_CACHE_DIR", cache.root().string()}, {"SLS_REMOTE_CACHE", remote}});
  }

  static nlohmann::json report(const SlsRun& run) {
    auto json = nlohmann::json::parse(run.out, nullptr, false);
    EXPECT_FALSE(json.is_discarded()) << run.out << run.err;
    return json;
  }

  TempProject m_project;
  RemoteCacheServer m_server;
};

TEST_F(RemoteCacheTest, OneMachinesResultsServeAnother) {
  // Given a build that uploaded its results, a build on a fresh machine should compile and link nothing.
  TempProject first_machine, second_machine;
  SlsRun first = build_on(first_machine, m_server.url());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_GT(m_server.count("PUT", "/cas/"), 0u);
  EXPECT_GT(m_server.count("PUT", "/ac/"), 0u);
  auto output = read_tree(m_project.root() / ".sls/output");

  fs::remove_all(m_project.root() / ".sls");
  SlsRun second = build_on(second_machine, m_server.url());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  nlohmann::json steps = report(second)["steps"];
  EXPECT_EQ(steps["compiled"], 0) << second.out;
  EXPECT_EQ(steps["linked"], 0) << second.out;
  EXPECT_EQ(report(second)["lint"]["units_linted"], 0) << second.out;
  EXPECT_GT(m_server.count("GET", "/cas/"), 0u);
  EXPECT_TRUE(output == read_tree(m_project.root() / ".sls/output"));
}

TEST_F(RemoteCacheTest, DamagedContentFromTheServerIsNeverUsed) {
  // Given a server whose stored bytes no longer match their hashes, we should rebuild and ship the same output.
  TempProject first_machine, second_machine;
  ASSERT_EQ(build_on(first_machine, m_server.url()).exit_code, 0);
  auto output = read_tree(m_project.root() / ".sls/output");
  m_server.damage_contents();

  fs::remove_all(m_project.root() / ".sls");
  SlsRun second = build_on(second_machine, m_server.url());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(report(second)["steps"]["compiled"], 3) << second.out;  // two functions and the prelude
  EXPECT_TRUE(output == read_tree(m_project.root() / ".sls/output"));
}

TEST_F(RemoteCacheTest, AnUnreachableServerIsReportedAndTheBuildGoesOn) {
  // Given a remote cache nobody listens on, we should warn once and still build everything.
  TempProject machine;
  SlsRun run = build_on(machine, "http://127.0.0.1:1");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json json = report(run);
  EXPECT_EQ(json["functions"]["built"], 2);
  std::size_t warnings = 0;
  for (const auto& diagnostic : json["diagnostics"])
    warnings += diagnostic["message"].get<std::string>().find("remote cache") != std::string::npos;
  EXPECT_EQ(warnings, 1u) << json.dump(2);
}

}  // namespace
}  // namespace sls::e2e

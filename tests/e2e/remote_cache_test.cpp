// The shared HTTP cache of docs/design.md §8 (SLS_REMOTE_CACHE) against a real
// nginx (WebDAV PUT over a folder, the set-up of docs/configuration.md): one
// project folder's results serve another folder on another machine, nothing
// the server sends is used unchecked, and a server that goes away never fails
// a build.

#include <future>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file_system.hpp"
#include "tests/e2e/e2e_support.hpp"
#include "tests/e2e/nginx_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::e2e {
namespace {

using namespace std::chrono_literals;
using testing::TempProject;

const char* const k_function = R"(#include <sls/function.hpp>
#include "shared.hpp"
sls::Response h(const sls::Request&, sls::Context&) { return sls::Response::text(200, shared_word()); }
SLS_HANDLER(h)
)";

void write_project(const TempProject& project, int functions) {
  project.write("lib/shared.hpp", "#pragma once\n#include <string>\ninline std::string shared_word() { return \"one\"; }\n");
  for (int i = 0; i < functions; ++i) project.write("api/f" + std::to_string(i) + ".cpp", k_function);
}

nlohmann::json report(const SlsRun& run) {
  auto json = nlohmann::json::parse(run.out, nullptr, false);
  EXPECT_FALSE(json.is_discarded()) << run.out << run.err;
  return json;
}

std::size_t warnings_in(const nlohmann::json& json) {
  std::size_t warnings = 0;
  for (const auto& diagnostic : json["diagnostics"]) warnings += diagnostic["severity"] == "warning";
  return warnings;
}

class RemoteCacheTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_TRUE(m_server.running()) << "nginx did not start:\n" << m_server.error_log(); }

  // `sls build --json` of `project` on a machine whose local cache is `cache`, sharing through `remote`.
  static SlsRun build_on(const TempProject& project, const TempProject& cache, const std::string& remote) {
    return run_sls({"build", "--json", "-j", "2", project.root().string()}, {},
                   {{"SLS_CACHE_DIR", cache.root().string()}, {"SLS_REMOTE_CACHE", remote}});
  }

  NginxServer m_server;
};

TEST_F(RemoteCacheTest, AnotherFolderOnAnotherMachineCompilesNothing) {
  // Given one folder's build uploaded to nginx, a copy at another path with an empty local cache
  // should compile nothing at all: functions, prelude and runtime glue all come from the server.
  TempProject first_folder, second_folder, first_machine, second_machine;
  write_project(first_folder, 2);
  write_project(second_folder, 2);
  SlsRun first = build_on(first_folder, first_machine, m_server.url());
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_GT(report(first)["steps"]["runtime_compiled"], 0);
  EXPECT_GT(m_server.count("PUT", "/ac/"), 0u);
  EXPECT_GT(m_server.count("PUT", "/cas/"), 0u);

  SlsRun second = build_on(second_folder, second_machine, m_server.url());
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  nlohmann::json steps = report(second)["steps"];
  EXPECT_EQ(steps["compiled"], 0) << second.out;
  EXPECT_EQ(steps["runtime_compiled"], 0) << second.out;
  EXPECT_GT(steps["runtime_cached"], 0) << second.out;
  EXPECT_EQ(steps["linked"], 0) << second.out;
  EXPECT_EQ(report(second)["lint"]["units_linted"], 0) << second.out;
  EXPECT_EQ(warnings_in(report(second)), 0u) << second.out;
  auto first_output = read_tree(first_folder.root() / ".sls/output");
  auto second_output = read_tree(second_folder.root() / ".sls/output");
  for (const auto& [path, bytes] : first_output)
    if (path.ends_with(".zip")) EXPECT_TRUE(second_output[path] == bytes) << path << " differs";
}

TEST_F(RemoteCacheTest, DamagedContentOnTheServerIsRefusedAndRebuilt) {
  // Given every stored content overwritten in nginx's folder, we should refuse it (sha256) and
  // rebuild the same output.
  TempProject folder, first_machine, second_machine;
  write_project(folder, 2);
  ASSERT_EQ(build_on(folder, first_machine, m_server.url()).exit_code, 0);
  auto output = read_tree(folder.root() / ".sls/output");
  std::size_t damaged = 0;
  for (const std::string& name : list_files_sorted(m_server.data_dir() / "cas"))
    damaged += static_cast<bool>(write_file_atomically(m_server.data_dir() / "cas" / name, "damaged", fs::perms(0644)));
  ASSERT_GT(damaged, 0u);

  fs::remove_all(folder.root() / ".sls");
  SlsRun second = build_on(folder, second_machine, m_server.url());
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  nlohmann::json steps = report(second)["steps"];
  EXPECT_EQ(steps["compiled"], 3) << second.out;  // two functions and the prelude
  EXPECT_EQ(steps["runtime_cached"], 0) << second.out;
  EXPECT_GT(steps["runtime_compiled"], 0) << second.out;
  EXPECT_GT(m_server.count("GET", "/cas/"), 0u);
  EXPECT_TRUE(output == read_tree(folder.root() / ".sls/output"));
}

TEST_F(RemoteCacheTest, AServerThatDiesMidBuildLeavesTheBuildGreenWithOneWarning) {
  // Given nginx killed once the build's first upload reached it, the build should still
  // succeed, every function built, with exactly one warning naming the remote cache.
  TempProject folder, machine;
  write_project(folder, 4);
  auto build = std::async(std::launch::async, [&] { return build_on(folder, machine, m_server.url()); });
  auto deadline = std::chrono::steady_clock::now() + 120s;
  while (m_server.count("PUT", "/") == 0 && std::chrono::steady_clock::now() < deadline &&
         build.wait_for(10ms) != std::future_status::ready) {
  }
  ASSERT_NE(build.wait_for(0s), std::future_status::ready) << "the build ended before anything was uploaded";
  m_server.kill_now();
  SlsRun run = build.get();
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  nlohmann::json json = report(run);
  EXPECT_EQ(json["functions"]["built"], 4);
  ASSERT_EQ(warnings_in(json), 1u) << json.dump(2);
  EXPECT_NE(json["diagnostics"][0]["message"].get<std::string>().find("remote cache"), std::string::npos);
}

TEST(RemoteCacheUnreachableTest, AnUnreachableServerIsReportedOnceAndTheBuildGoesOn) {
  // Given a remote cache nobody listens on, we should warn once and still build everything.
  TempProject folder, machine;
  write_project(folder, 2);
  SlsRun run = run_sls({"build", "--json", folder.root().string()}, {},
                       {{"SLS_CACHE_DIR", machine.root().string()}, {"SLS_REMOTE_CACHE", "http://127.0.0.1:1"}});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json json = report(run);
  EXPECT_EQ(json["functions"]["built"], 2);
  ASSERT_EQ(warnings_in(json), 1u) << json.dump(2);
  EXPECT_NE(json["diagnostics"][0]["message"].get<std::string>().find("remote cache"), std::string::npos);
}

}  // namespace
}  // namespace sls::e2e

// SLS_COMPILER_LAUNCHER with real launchers (docs/configuration.md): compiles
// go through distcc to a distccd on 127.0.0.1, or through ccache, and none of
// it changes what the analyzers check: a function with lint errors still
// fails the build, and a build without the launcher afterwards is sound. A
// unit the analyzers cannot parse, whatever the reason, fails the build.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

#include "core/file_system.hpp"
#include "tests/support/loopback.hpp"
#include "core/process.hpp"
#include "tests/e2e/e2e_support.hpp"
#include "tests/e2e/server_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::e2e {
namespace {

using namespace std::chrono_literals;
using testing::TempDir;
using testing::TempProject;

const char* const k_clean = R"(#include <sls/function.hpp>
#include <string>
sls::Response h(const sls::Request& request, sls::Context&) { return sls::Response::text(200, request.query("q")); }
SLS_HANDLER(h)
)";

// A clean function and the example that keeps request state in globals (lint errors). Each
// copy carries its folder's name, so its units are new to every cache, the shared one too.
void write_project(const TempProject& project) {
  std::string unique = "// " + project.root().filename().string() + "\n";
  project.write("api/clean.cpp", k_clean + unique);
  project.write("api/emulator.cpp", *read_file(source_dir() / "examples/emulator-state/api/emulator.cpp") + unique);
}

nlohmann::json report(const SlsRun& run) {
  auto json = nlohmann::json::parse(run.out, nullptr, false);
  EXPECT_FALSE(json.is_discarded()) << run.out << run.err;
  return json;
}

class LauncherTest : public ::testing::Test {
protected:
  LauncherTest() { write_project(m_project); }

  // `sls build --json` on `cache`, or on the e2e tests' shared cache (which has the runtime glue
  // and the prelude already, so only this test's units compile).
  SlsRun build(const std::map<std::string, std::string>& launcher_env, const TempDir* cache = nullptr) {
    std::map<std::string, std::string> env = launcher_env;
    if (cache) env["SLS_CACHE_DIR"] = cache->root().string();
    return run_sls({"build", "--json", "-j", "2", m_project.root().string()}, {}, env);
  }

  // The launcher's build fails on the lint errors exactly like a build without it, and
  // once the bad function is gone a build without the launcher, on the same cache, succeeds.
  void expect_lint_unchanged_by(const std::map<std::string, std::string>& launcher_env) {
    SlsRun launched = build(launcher_env);
    nlohmann::json with = report(launched);
    EXPECT_EQ(launched.exit_code, 1) << launched.out;
    EXPECT_EQ(with["ok"], false);
    EXPECT_EQ(with["steps"]["compiled"], 2) << launched.out;  // through the launcher
    EXPECT_GT(with["lint"]["errors"].get<int>(), 0) << launched.out;
    EXPECT_TRUE(with["lint"]["not_analysed"].empty()) << launched.out;

    fs::remove_all(m_project.root() / ".sls");
    nlohmann::json without = report(build({}));
    EXPECT_EQ(with["lint"]["errors"], without["lint"]["errors"]);
    EXPECT_EQ(with["lint"]["warnings"], without["lint"]["warnings"]);

    fs::remove(m_project.root() / "api/emulator.cpp");
    SlsRun after = build({});
    EXPECT_EQ(after.exit_code, 0) << after.out << after.err;
    EXPECT_EQ(report(after)["ok"], true);
  }

  TempProject m_project;
  TempDir m_tools;
};

// distccd on a free port of 127.0.0.1, logging to a file of the test.
class DistccServer {
public:
  explicit DistccServer(const fs::path& dir) : m_log(dir / "distccd.log") {
    for (int attempt = 0; attempt < 3 && !m_process; ++attempt) {
      m_port = testing::free_loopback_port();
      m_process = std::make_unique<ServerProcess>(
          std::vector<std::string>{"distccd", "--daemon", "--no-detach", "--allow", "127.0.0.1", "--listen",
                                   "127.0.0.1", "--port", std::to_string(m_port), "--log-stderr", "--log-level",
                                   "info", "--jobs", "2"},
          m_log);
      if (!m_process->wait_for_port(m_port, 5s)) m_process.reset();
    }
  }
  bool running() const { return m_process != nullptr; }
  std::string hosts() const { return "127.0.0.1:" + std::to_string(m_port); }
  std::string log() const {
    auto text = read_file(m_log);
    return text ? *text : "";
  }

private:
  fs::path m_log;
  std::uint16_t m_port = 0;
  std::unique_ptr<ServerProcess> m_process;
};

TEST_F(LauncherTest, DistccCompilesRemotelyAndLintStillFailsTheBuild) {
  // Given distcc sending compiles to a distccd on 127.0.0.1 (distcc adds its own -target), the
  // function units should compile on the server, and the lint errors should fail the build.
  DistccServer server(m_tools.root());
  ASSERT_TRUE(server.running()) << server.log();
  fs::create_directories(m_tools.root() / "distcc-state");
  expect_lint_unchanged_by({{"SLS_COMPILER_LAUNCHER", "distcc"},
                            {"DISTCC_HOSTS", server.hosts()},
                            {"DISTCC_DIR", (m_tools.root() / "distcc-state").string()}});
  std::string log = server.log();
  for (const std::string unit : {"api/clean.cpp", "api/emulator.cpp"})
    EXPECT_TRUE(std::regex_search(log, std::regex("COMPILE_OK[^\n]*" + unit))) << unit << " not compiled by distccd:\n" << log;
}

// `ccache ARG` on the cache in `cache_dir`; its output.
std::string run_ccache(const fs::path& cache_dir, const std::string& arg) {
  auto env = current_environment();
  env["CCACHE_DIR"] = cache_dir.string();
  SystemProcessRunner runner;
  auto result = runner.run({{"ccache", arg}, env, {}, {}, {}});
  return result && result->exit_code == 0 ? result->stdout_data : "";
}

// What `ccache --print-stats` says of `counter`; -1 when it does not say.
long ccache_counter(const fs::path& cache_dir, const std::string& counter) {
  std::string stats = run_ccache(cache_dir, "--print-stats");
  std::smatch match;
  if (!std::regex_search(stats, match, std::regex("(^|\n)" + counter + "\t([0-9]+)"))) return -1;
  return std::stol(match[2]);
}

TEST_F(LauncherTest, CcacheServesABuildFromAnEmptySlsCacheAndLintStillFailsTheBuild) {
  // Given ccache as the launcher, a build from an empty sls cache should take every compile
  // (function units and glue) from ccache, and the lint errors should fail every build.
  fs::path ccache_dir = m_tools.root() / "ccache";
  std::map<std::string, std::string> env = {{"SLS_COMPILER_LAUNCHER", "ccache"}, {"CCACHE_DIR", ccache_dir.string()}};
  TempDir first_cache, empty_cache;
  EXPECT_EQ(build(env, &first_cache).exit_code, 1);
  run_ccache(ccache_dir, "--zero-stats");
  ASSERT_EQ(ccache_counter(ccache_dir, "direct_cache_hit"), 0);

  fs::remove_all(m_project.root() / ".sls");
  SlsRun second = build(env, &empty_cache);
  nlohmann::json json = report(second);
  EXPECT_EQ(second.exit_code, 1) << second.out;
  EXPECT_EQ(json["steps"]["compiled"], 2) << second.out;  // the two functions; no prelude under a launcher
  long hits = ccache_counter(ccache_dir, "direct_cache_hit") + ccache_counter(ccache_dir, "preprocessed_cache_hit");
  EXPECT_EQ(hits, json["steps"]["compiled"].get<long>() + json["steps"]["runtime_compiled"].get<long>());
  EXPECT_EQ(ccache_counter(ccache_dir, "cache_miss"), 0);

  fs::remove_all(m_project.root() / ".sls");
  expect_lint_unchanged_by(env);
}

TEST_F(LauncherTest, AUnitTheAnalyzersCannotParseFailsTheBuild) {
  // Given a compiler that rewrites its target (as distcc does), the prelude it builds is refused
  // by the analyzers' parse: the build should fail, name the unit, and say ok: false.
  m_tools.write("clang++", "#!/bin/sh\nexec clang++-19 \"$@\" -target x86_64-pc-linux-gnu\n");
  fs::permissions(m_tools.root() / "clang++", fs::perms(0755));
  fs::remove(m_project.root() / "api/emulator.cpp");
  // Its own cache: the rewritten prelude must not reach the shared one.
  TempDir cache;
  std::map<std::string, std::string> env = {{"SLS_CXX", (m_tools.root() / "clang++").string()}};
  SlsRun json_run = build(env, &cache);
  nlohmann::json json = report(json_run);
  EXPECT_EQ(json_run.exit_code, 1) << json_run.out;
  EXPECT_EQ(json["ok"], false);
  ASSERT_EQ(json["lint"]["not_analysed"].size(), 1u) << json_run.out;
  EXPECT_EQ(json["lint"]["not_analysed"][0]["file"], "api/clean.cpp");

  env["SLS_CACHE_DIR"] = cache.root().string();
  SlsRun text = run_sls({"build", m_project.root().string()}, {}, env);
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.err.find("1 unit(s) could not be analysed, which fails the build: api/clean.cpp"), std::string::npos)
      << text.err;
}

}  // namespace
}  // namespace sls::e2e

// The no-op build (bundler/noop_build.hpp, docs/performance.md): after a
// successful build whose inputs had settled, a build with nothing changed is
// replayed from .sls/build/build-log — no store read, no lint engine, the
// output untouched, the same warnings — and any change is a full build.

#include <sys/stat.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file_system.hpp"
#include "tests/e2e/e2e_support.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::e2e {
namespace {

using testing::TempProject;

// A warm-instance counter: sls lint warns about the global the handler writes.
const char* const k_counter = R"(#include <sls/function.hpp>
static int g_visits = 0;
sls::Response h(const sls::Request&, sls::Context&) { return sls::Response::text(200, std::to_string(++g_visits)); }
SLS_HANDLER(h)
)";

// Inputs changed within two seconds of a build are never trusted by stat
// (cache/build_log.hpp): a test waits that long before the build that logs.
void settle() { std::this_thread::sleep_for(std::chrono::milliseconds(2100)); }

std::uint64_t inode_of(const fs::path& path) {
  struct stat info{};
  return ::stat(path.c_str(), &info) == 0 ? info.st_ino : 0;
}

class NoopBuildTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {  // one cache: later tests compile from it
    s_cache = new TempProject;
    seed_runtime_glue(s_cache->root());
  }
  static void TearDownTestSuite() { delete s_cache; }

  NoopBuildTest() {
    m_project.write("api/visits.cpp", k_counter);
    m_project.write("api/hello.c", tiny_c_function("hello"));
    m_project.write("public/index.html", "<p>hi</p>\n");
    settle();
  }
  SlsRun run(const std::vector<std::string>& extra, const std::map<std::string, std::string>& env = {}) {
    std::vector<std::string> args = {"build", m_project.root().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    std::map<std::string, std::string> all_env = env;
    all_env["SLS_CACHE_DIR"] = s_cache->root().string();
    return run_sls(args, {}, all_env);
  }
  nlohmann::json build(const std::map<std::string, std::string>& env = {}, std::vector<std::string> extra = {}) {
    extra.push_back("--json");
    SlsRun result = run(extra, env);
    auto report = nlohmann::json::parse(result.out, nullptr, false);
    EXPECT_FALSE(report.is_discarded()) << result.out << result.err;
    return report;
  }
  fs::path log() const { return m_project.root() / ".sls/build/build-log"; }

  static TempProject* s_cache;
  TempProject m_project;
};
TempProject* NoopBuildTest::s_cache = nullptr;

TEST_F(NoopBuildTest, ANoOpReplaysTheLastBuildWithoutStoreOrLintEngine) {
  // Given a successful build, the next one should be replayed: no step, no store
  // read, the lint engine never loaded (a path to no library would fail a lint),
  // the output untouched, and the same lint warning printed again.
  nlohmann::json first = build();
  ASSERT_EQ(first["ok"], true) << first.dump();
  EXPECT_EQ(first["build_log"]["replayed"], false);
  EXPECT_EQ(first["build_log"]["reason"], "no build log");
  ASSERT_GE(first["lint"]["warnings"].get<int>(), 1) << first.dump();
  ASSERT_TRUE(fs::exists(log()));
  std::uint64_t manifest_inode = inode_of(m_project.root() / ".sls/output/manifest.json");

  std::map<std::string, std::string> no_engine = {{"SLS_LINT_ENGINE", "/nonexistent/libsls-lint-engine.so"}};
  nlohmann::json noop = build(no_engine);
  EXPECT_EQ(noop["ok"], true) << noop.dump();
  EXPECT_EQ(noop["build_log"]["replayed"], true) << noop.dump();
  EXPECT_EQ(noop["build_log"]["store_reads"], 0);
  EXPECT_EQ(noop["steps"]["compiled"], 0);
  EXPECT_EQ(noop["steps"]["linked"], 0);
  EXPECT_EQ(noop["steps"]["packaged"], 0);
  EXPECT_EQ(noop["steps"]["package_reused"], 2);
  EXPECT_EQ(noop["functions"], first["functions"]);
  EXPECT_EQ(noop["lint"]["warnings"], first["lint"]["warnings"]);
  EXPECT_EQ(noop["static_files"], 1);
  EXPECT_EQ(inode_of(m_project.root() / ".sls/output/manifest.json"), manifest_inode);

  SlsRun text = run({}, no_engine);
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.err.find("g_visits"), std::string::npos) << "the replayed warning is not printed:\n" << text.err;

  // The same missing engine fails a build that does lint: the variable is what the no-op never needed.
  m_project.write("api/visits.cpp", std::string(k_counter) + "// edited\n");
  nlohmann::json linted = build(no_engine);
  EXPECT_EQ(linted["build_log"]["replayed"], false);
  EXPECT_EQ(linted["ok"], false) << linted.dump();
}

TEST_F(NoopBuildTest, AnEditIsBuiltAndARacyEditLeavesNoLog) {
  // Given an edit right before the build, it should be compiled, and no log written
  // (the edit is within the racy window), so the next build checks content again.
  ASSERT_EQ(build()["ok"], true);
  m_project.write("api/hello.c", tiny_c_function("edited"));
  nlohmann::json edited = build();
  EXPECT_EQ(edited["build_log"]["replayed"], false);
  EXPECT_NE(edited["build_log"]["reason"].get<std::string>().find("api/hello.c"), std::string::npos) << edited.dump();
  EXPECT_EQ(edited["steps"]["compiled"], 1);
  EXPECT_FALSE(fs::exists(log()));
  nlohmann::json again = build();
  EXPECT_EQ(again["build_log"]["replayed"], false);
  EXPECT_EQ(again["steps"]["compiled"], 0);
  settle();
  build();  // logs: the edit has settled
  EXPECT_EQ(build()["build_log"]["replayed"], true);
}

TEST_F(NoopBuildTest, ADamagedLogIsIgnoredAndReplaced) {
  // Given the log cut short, the build should check everything, and write a good log again.
  ASSERT_EQ(build()["ok"], true);
  std::string text = *read_file(log());
  ASSERT_TRUE(write_file_atomically(log(), text.substr(0, text.size() - 10), fs::perms(0644)));
  nlohmann::json damaged = build();
  EXPECT_EQ(damaged["ok"], true);
  EXPECT_EQ(damaged["build_log"]["replayed"], false);
  EXPECT_EQ(damaged["build_log"]["reason"], "the build log is from another version or damaged");
  EXPECT_GT(damaged["build_log"]["store_reads"].get<int>(), 0);
  EXPECT_EQ(build()["build_log"]["replayed"], true);
}

TEST_F(NoopBuildTest, AMissingZipOrANewFileInTheProjectIsNoNoOp) {
  // Given a bundle deleted from the output, the build should put it back; given
  // a new file where a glob could find it, the build should run in full.
  ASSERT_EQ(build()["ok"], true);
  fs::path zip = m_project.root() / ".sls/output/functions/api/hello.zip";
  ASSERT_TRUE(fs::remove(zip));
  nlohmann::json restored = build();
  EXPECT_EQ(restored["build_log"]["replayed"], false);
  EXPECT_TRUE(fs::exists(zip));
  EXPECT_EQ(build()["build_log"]["replayed"], true);
  m_project.write("data/extra.json", "{}\n");
  nlohmann::json added = build();
  EXPECT_EQ(added["build_log"]["replayed"], false);
  EXPECT_NE(added["build_log"]["reason"].get<std::string>().find("other entries"), std::string::npos) << added.dump();
}

TEST_F(NoopBuildTest, OtherOptionsAreNoNoOp) {
  // Given --no-lint after a linted build, the log should not be replayed: the options differ.
  ASSERT_EQ(build()["ok"], true);
  nlohmann::json unlinted = build({}, {"--no-lint"});
  EXPECT_EQ(unlinted["build_log"]["replayed"], false);
  EXPECT_EQ(unlinted["lint"], nullptr);
}

}  // namespace
}  // namespace sls::e2e

// Incremental and cached builds (docs/design.md §8): every step is keyed by the
// content of its inputs, results live in a shared zstd store, and a build
// where nothing changed runs no step.

#include <sys/time.h>

#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file_system.hpp"
#include "tests/e2e/e2e_support.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::e2e {
namespace {

using testing::TempProject;

const char* const k_uses_shared = R"(#include <sls/function.hpp>
#include "shared.hpp"
sls::Response h(const sls::Request&, sls::Context&) { return sls::Response::text(200, shared_word()); }
SLS_HANDLER(h)
)";

const char* const k_standalone = R"(#include <sls/function.hpp>
sls::Response h(const sls::Request&, sls::Context&) { return sls::Response::text(200, "alone"); }
SLS_HANDLER(h)
)";

// A project with two functions that include lib/shared.hpp and one that does not.
void write_project(const TempProject& project) {
  project.write("lib/shared.hpp",
                "#pragma once\n#include <string>\ninline std::string shared_word() { return \"one\"; }\n");
  project.write("api/a.cpp", k_uses_shared);
  project.write("api/b.cpp", k_uses_shared);
  project.write("api/c.cpp", k_standalone);
}

// Runs `sls build --json` with its own cache folder and returns the report.
nlohmann::json build(const fs::path& project, const fs::path& cache, int* exit_code = nullptr) {
  SlsRun run = run_sls({"build", "--json", project.string()}, {}, {{"SLS_CACHE_DIR", cache.string()}});
  if (exit_code) *exit_code = run.exit_code;
  auto report = nlohmann::json::parse(run.out, nullptr, false);
  EXPECT_FALSE(report.is_discarded()) << run.out << run.err;
  return report;
}

void touch(const fs::path& path) {
  timeval now[2];
  ::gettimeofday(&now[0], nullptr);
  now[0].tv_sec += 5;  // clearly newer than anything the previous build saw
  now[1] = now[0];
  ::utimes(path.c_str(), now);
}

// A share folder of sls's own (SDK headers and runtime glue), for SLS_SHARE_DIR.
void copy_share_into(const TempProject& share, bool with_prelude) {
  for (const auto& [path, bytes] : read_tree(source_dir() / "sdk")) share.write("sdk/" + path, bytes);
  for (const auto& [path, bytes] : read_tree(source_dir() / "runtime")) {
    if (with_prelude || path.rfind("prelude/", 0) != 0) share.write("runtime/" + path, bytes);
  }
}

class IncrementalTest : public ::testing::Test {
protected:
  IncrementalTest() : m_cache(*make_temp_directory("sls-cache-test")) {
    write_project(m_project);
    seed_runtime_glue(m_cache);
  }
  ~IncrementalTest() override { fs::remove_all(m_cache); }
  nlohmann::json build_once(int* exit_code = nullptr) { return build(m_project.root(), m_cache, exit_code); }
  TempProject m_project;
  fs::path m_cache;
};

TEST_F(IncrementalTest, NoOpBuildRunsNoStep) {
  // Given a build and a second one with nothing changed, we should compile, link and package nothing.
  nlohmann::json first = build_once();
  EXPECT_EQ(first["steps"]["compiled"], 4);  // three functions and the precompiled prelude
  EXPECT_EQ(first["steps"]["linked"], 3);
  auto output = read_tree(m_project.root() / ".sls/output");
  nlohmann::json second = build_once();
  EXPECT_EQ(second["steps"]["compiled"], 0);
  EXPECT_EQ(second["steps"]["linked"], 0);
  EXPECT_EQ(second["steps"]["packaged"], 0);
  EXPECT_EQ(second["steps"]["package_reused"], 3);
  EXPECT_TRUE(output == read_tree(m_project.root() / ".sls/output"));
}

TEST_F(IncrementalTest, TouchWithoutChangeRebuildsNothing) {
  // Given every source and header touched but not changed, we should still run no step.
  build_once();
  for (const char* file : {"api/a.cpp", "api/b.cpp", "api/c.cpp", "lib/shared.hpp"}) touch(m_project.root() / file);
  nlohmann::json report = build_once();
  EXPECT_EQ(report["steps"]["compiled"], 0);
  EXPECT_EQ(report["steps"]["linked"], 0);
  EXPECT_EQ(report["steps"]["packaged"], 0);
}

TEST_F(IncrementalTest, HeaderEditRebuildsExactlyItsDependents) {
  // Given an edit of lib/shared.hpp, we should recompile a and b but not c, and ship the new word.
  build_once();
  m_project.write("lib/shared.hpp",
                  "#pragma once\n#include <string>\ninline std::string shared_word() { return \"two\"; }\n");
  nlohmann::json report = build_once();
  EXPECT_EQ(report["steps"]["compiled"], 2);
  EXPECT_EQ(report["steps"]["compile_cached"], 1);
  EXPECT_EQ(report["steps"]["linked"], 2);
  SlsRun invoke = run_sls({"invoke", "api/a"}, m_project.root());
  EXPECT_NE(invoke.out.find("two"), std::string::npos) << invoke.out << invoke.err;
}

TEST_F(IncrementalTest, SwitchingBackReusesEarlierResults) {
  // Given an edit and its revert (a branch switch), we should take the second build entirely from the cache.
  build_once();
  m_project.write("api/c.cpp", std::string(k_standalone) + "// on a branch\n");
  EXPECT_EQ(build_once()["steps"]["compiled"], 1);
  m_project.write("api/c.cpp", k_standalone);
  nlohmann::json back = build_once();
  EXPECT_EQ(back["steps"]["compiled"], 0);
  EXPECT_EQ(back["steps"]["linked"], 0);
}

TEST_F(IncrementalTest, DeletedStateFolderRebuildsFromCache) {
  // Given .sls/ deleted (a fresh checkout), we should rebuild without running the compiler.
  build_once();
  auto before = read_tree(m_project.root() / ".sls/output");
  fs::remove_all(m_project.root() / ".sls");
  nlohmann::json report = build_once();
  EXPECT_EQ(report["steps"]["compiled"], 0);
  EXPECT_EQ(report["steps"]["linked"], 0);
  EXPECT_EQ(report["steps"]["compile_cached"], 3);
  EXPECT_TRUE(before == read_tree(m_project.root() / ".sls/output"));
}

TEST_F(IncrementalTest, CorruptCacheEntryIsDiscardedAndRebuilt) {
  // Given every store entry damaged, we should detect it, rebuild, and ship the same bytes as before.
  build_once();
  auto before = read_tree(m_project.root() / ".sls/output");
  for (const std::string& entry : list_files_sorted(m_cache / "store")) {
    fs::path path = m_cache / "store" / entry;
    std::string bytes = *read_file(path);
    bytes[bytes.size() / 2] ^= 0x5a;
    ASSERT_TRUE(write_file_atomically(path, bytes, fs::perms(0644)));
  }
  fs::remove_all(m_project.root() / ".sls");
  int exit_code = -1;
  nlohmann::json report = build_once(&exit_code);
  EXPECT_EQ(exit_code, 0);
  EXPECT_EQ(report["steps"]["compiled"], 4);  // three functions and the precompiled prelude
  EXPECT_TRUE(before == read_tree(m_project.root() / ".sls/output"));
}

TEST_F(IncrementalTest, ConcurrentBuildsBothSucceedWithIdenticalOutput) {
  // Given two builds of one project at the same time, we should see both succeed and one consistent output.
  int first_exit = -1, second_exit = -1;
  std::thread other([&] { build_once(&second_exit); });
  build_once(&first_exit);
  other.join();
  EXPECT_EQ(first_exit, 0);
  EXPECT_EQ(second_exit, 0);
  auto output = read_tree(m_project.root() / ".sls/output");
  build_once();
  auto again = read_tree(m_project.root() / ".sls/output");
  for (const auto& [path, bytes] : again)
    EXPECT_TRUE(output.count(path) && output[path] == bytes) << path << " differs";
  EXPECT_EQ(output.size(), again.size());
  for (const auto& entry : fs::directory_iterator(m_project.root() / ".sls"))
    EXPECT_EQ(entry.path().filename().string().find("staging"), std::string::npos) << entry.path();
}

// The precompiled prelude only saves parsing: a function built with it is
// byte-for-byte the one built without it, and a source that defines a macro
// before its includes is compiled without it.
TEST_F(IncrementalTest, PreludeChangesNoExecutable) {
  m_project.write("api/defines_first.cpp", "#define GREETING \"first\"\n" + std::string(k_standalone));
  nlohmann::json with_prelude = build_once();
  ASSERT_EQ(with_prelude["functions"]["failed"], 0) << with_prelude.dump();
  EXPECT_TRUE(fs::exists(m_project.root() / ".sls/build/native/prelude.pch"));
  std::map<std::string, std::string> executables;
  for (const std::string name : {"a", "c", "defines_first"})
    executables[name] = *read_file(m_project.root() / ".sls/build/native/out/api" / name / "bootstrap");

  // The same project and toolchain, with a share folder that has no prelude.
  TempProject share;
  copy_share_into(share, /*with_prelude=*/false);
  fs::remove_all(m_project.root() / ".sls");
  TempProject other_cache;
  SlsRun without = run_sls({"build", "--json", m_project.root().string()}, {},
                           {{"SLS_CACHE_DIR", other_cache.root().string()}, {"SLS_SHARE_DIR", share.root().string()}});
  ASSERT_EQ(without.exit_code, 0) << without.out << without.err;
  EXPECT_FALSE(fs::exists(m_project.root() / ".sls/build/native/prelude.pch"));
  for (const auto& [name, bytes] : executables)
    EXPECT_TRUE(*read_file(m_project.root() / ".sls/build/native/out/api" / name / "bootstrap") == bytes) << name;
}

TEST_F(IncrementalTest, PreludeRestoredFromTheCacheSurvivesANewHeaderMtime) {
  // Given the prelude in the cache and its header touched (same bytes, a reinstall
  // or fresh checkout), a build from that cache should still compile with it.
  TempProject share;
  copy_share_into(share, /*with_prelude=*/true);
  std::map<std::string, std::string> env = {{"SLS_CACHE_DIR", m_cache.string()},
                                            {"SLS_SHARE_DIR", share.root().string()}};
  SlsRun first = run_sls({"build", "--json", m_project.root().string()}, {}, env);
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  touch(share.root() / "runtime/prelude/prelude.hpp");
  touch(share.root() / "sdk/include/sls/function.hpp");
  m_project.write("api/c.cpp", std::string(k_standalone) + "// edited: compiled again, from the cached prelude\n");
  fs::remove_all(m_project.root() / ".sls");
  SlsRun second = run_sls({"build", "--json", m_project.root().string()}, {}, env);
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  auto report = nlohmann::json::parse(second.out, nullptr, false);
  EXPECT_EQ(report["steps"]["compiled"], 1) << second.out;  // api/c.cpp only: the prelude came from the cache
}

TEST_F(IncrementalTest, CompilerLauncherRunsEveryCompileButNeverThePrelude) {
  // Given SLS_COMPILER_LAUNCHER, every compile should go through it and none should start from
  // the prelude, which is never built through it (docs/configuration.md); a later build without
  // the launcher should build its prelude and succeed.
  TempProject tools;
  fs::path log = tools.root() / "launched.log";
  tools.write("launch.sh", "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log.string() + "'\nexec \"$@\"\n");
  fs::permissions(tools.root() / "launch.sh", fs::perms(0755));
  SlsRun launched =
      run_sls({"build", "--json", m_project.root().string()}, {},
              {{"SLS_CACHE_DIR", m_cache.string()}, {"SLS_COMPILER_LAUNCHER", (tools.root() / "launch.sh").string()}});
  ASSERT_EQ(launched.exit_code, 0) << launched.out << launched.err;
  EXPECT_EQ(nlohmann::json::parse(launched.out)["steps"]["compiled"], 3);  // a, b, c; no prelude
  auto logged = read_file(log);
  std::string lines = logged ? *logged : "";
  for (const std::string unit : {"api/a.cpp", "api/b.cpp", "api/c.cpp"})
    EXPECT_NE(lines.find(unit), std::string::npos) << unit << " was not compiled through the launcher:\n" << lines;
  EXPECT_EQ(lines.find("c++-header"), std::string::npos) << "the prelude went through the launcher:\n" << lines;
  EXPECT_EQ(lines.find("-include-pch"), std::string::npos) << "a launched compile used the prelude:\n" << lines;
  EXPECT_EQ(lines.find("--why-extract"), std::string::npos) << "links do not go through a compiler launcher";

  fs::remove_all(m_project.root() / ".sls");
  int exit_code = -1;
  nlohmann::json without = build_once(&exit_code);
  EXPECT_EQ(exit_code, 0) << without.dump(2);
  EXPECT_EQ(without["steps"]["compiled"], 4);  // the prelude, and a, b, c starting from it
}

TEST_F(IncrementalTest, CacheCommandsReportAndPrune) {
  // Given a filled cache, stats should count entries and prune to 0 should empty it.
  build_once();
  SlsRun stats = run_sls({"cache", "stats"}, {}, {{"SLS_CACHE_DIR", m_cache.string()}});
  EXPECT_EQ(stats.exit_code, 0);
  EXPECT_EQ(stats.out.find("entries: 0\n"), std::string::npos) << stats.out;
  SlsRun prune = run_sls({"cache", "prune", "--max-size", "0"}, {}, {{"SLS_CACHE_DIR", m_cache.string()}});
  EXPECT_EQ(prune.exit_code, 0) << prune.err;
  EXPECT_TRUE(list_files_sorted(m_cache / "store").empty());
}

}  // namespace
}  // namespace sls::e2e

// A no-op's cost grows with the number of functions, not faster (issue 16):
// the same tiny C function 50 and 500 times, each built once, then no-ops
// counted through `sls build --json`'s build_log counters (robust on a loaded
// machine) and timed (best of three, a loose bound).

#include <chrono>
#include <cstdio>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/e2e_support.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::e2e {
namespace {

using testing::TempProject;

void write_functions(const TempProject& project, int count) {
  project.write("sls.toml", "[project]\nname = \"scale\"\n\n[build]\noptimize = \"debug\"\n");  // -O0: quick
  for (int i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "api/fn_%03d.c", i);
    // One source for every function: after the first, compiles and links are cache hits, so the
    // 550 cold builds cost little more than packaging, while a no-op still checks each function's
    // files on its own (its source, executable and zip have their own paths and stat data).
    project.write(name, tiny_c_function("ok"));
  }
}

struct Measured {
  nlohmann::json report;
  double best_seconds = 1e9;
};

class NoopScaleTest : public ::testing::Test {
protected:
  NoopScaleTest() { seed_runtime_glue(m_cache.root()); }
  nlohmann::json build(const TempProject& project) {
    SlsRun run = run_sls({"build", "--no-lint", "--json", project.root().string()}, {},
                         {{"SLS_CACHE_DIR", m_cache.root().string()}});
    auto report = nlohmann::json::parse(run.out, nullptr, false);
    EXPECT_FALSE(report.is_discarded()) << run.out << run.err;
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return report;
  }
  // Best of three no-ops, with the last one's report.
  Measured noop(const TempProject& project) {
    Measured measured;
    for (int i = 0; i < 3; ++i) {
      auto start = std::chrono::steady_clock::now();
      measured.report = build(project);
      measured.best_seconds = std::min(
          measured.best_seconds, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return measured;
  }
  TempProject m_cache;
};

TEST_F(NoopScaleTest, ANoOpOf500FunctionsCostsTenTimesOneOf50) {
  TempProject small, large;
  write_functions(small, 50);
  write_functions(large, 500);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // past the racy window: the first build logs
  ASSERT_EQ(build(small)["functions"]["built"], 50);
  ASSERT_EQ(build(large)["functions"]["built"], 500);

  Measured at_50 = noop(small), at_500 = noop(large);
  for (const Measured* m : {&at_50, &at_500}) {
    EXPECT_EQ(m->report["build_log"]["replayed"], true) << m->report.dump();
    EXPECT_EQ(m->report["build_log"]["store_reads"], 0);
  }
  // Each function's source, headers it alone includes, executable and zip: a few stats per function.
  std::size_t stated_50 = at_50.report["build_log"]["files_stated"], stated_500 = at_500.report["build_log"]["files_stated"];
  EXPECT_LE(stated_500, 6u * 500) << stated_500;
  EXPECT_LE(stated_500, 11u * stated_50) << stated_50 << " files at 50, " << stated_500 << " at 500";
  EXPECT_LT(at_500.best_seconds, 15 * at_50.best_seconds)
      << at_50.best_seconds << " s at 50, " << at_500.best_seconds << " s at 500";

  // Without the log (the fallback: every content check), still linear: a few store reads per function.
  std::filesystem::remove(large.root() / ".sls/build/build-log");
  nlohmann::json checked = build(large);
  EXPECT_EQ(checked["build_log"]["replayed"], false);
  EXPECT_EQ(checked["steps"]["compiled"], 0);
  EXPECT_LE(checked["build_log"]["store_reads"].get<std::size_t>(), 4u * 500) << checked.dump();
  EXPECT_LE(checked["build_log"]["files_stated"].get<std::size_t>(), 6u * 500) << checked.dump();
}

}  // namespace
}  // namespace sls::e2e

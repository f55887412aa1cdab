// provided.al2 (Amazon Linux 2, glibc 2.26): the quickstart, plus a function
// using threads, timed waits, the filesystem library and a global
// constructor, built with runtime = "provided.al2". Every executable must
// ask for no glibc symbol version newer than 2.26 (runtime/al2/ binds the
// old versions), and still answer through the Runtime API as the al2023
// build does.

#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "bundler/shake/elf_reader.hpp"
#include "core/file_system.hpp"
#include "tests/e2e/e2e_support.hpp"
#include "tests/e2e/served_function.hpp"

namespace sls::e2e {
namespace {

using nlohmann::json;

// Threads, a condition_variable deadline on steady_clock (pthread_cond_clockwait
// in glibc 2.30+), std::filesystem (stat, 2.33+), a global constructor (run by
// the start code, which changed in 2.34) and std::random_device (arc4random).
constexpr const char* k_threads_function = R"(#include <sls/function.hpp>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <random>
#include <thread>

namespace {
struct Constructed {
  int value = 0;
  Constructed() : value(7) {}
};
const Constructed g_constructed;  // 0 if global constructors did not run
}  // namespace

sls::Response run_threads(const sls::Request&, sls::Context&) {
  std::mutex lock;
  std::condition_variable signal;
  int answer = 0;
  std::thread worker([&] {
    std::lock_guard<std::mutex> held(lock);
    answer = 42;
    signal.notify_one();
  });
  std::unique_lock<std::mutex> held(lock);
  bool answered = signal.wait_for(held, std::chrono::seconds(10), [&] { return answer != 0; });
  held.unlock();
  worker.join();
  held.lock();
  bool timed_out = !signal.wait_for(held, std::chrono::milliseconds(5), [] { return false; });
  std::random_device device;
  (void)device();
  return sls::Response::text(200, "constructed=" + std::to_string(g_constructed.value) +
                                      " answered=" + std::to_string(answered) + " answer=" + std::to_string(answer) +
                                      " timed_out=" + std::to_string(timed_out) +
                                      " root=" + std::to_string(std::filesystem::exists("/")));
}
SLS_HANDLER(run_threads)
)";

struct Al2Build {
  fs::path project;
  SlsRun build;
  fs::path bundle(const std::string& function) const {
    return project / ".sls" / "output" / "functions" / (function + ".zip");
  }
};

const Al2Build& al2_build() {
  static const Al2Build build = [] {
    Al2Build result;
    result.project = quickstart_with_build_settings(*make_temp_directory("sls-e2e-al2"), "runtime = \"provided.al2\"\n");
    EXPECT_TRUE(write_file_atomically(result.project / "api" / "threads.cpp", k_threads_function, fs::perms(0644)));
    result.build = run_sls({"build", result.project.string()});
    return result;
  }();
  return build;
}

const std::vector<std::string> k_functions = {"api/echo",       "api/greet",  "api/hello",
                                              "api/threads",    "api/users/[id]", "api/visits"};

TEST(Al2RuntimeTest, EveryFunctionBuildsForProvidedAl2) {
  // Given runtime = "provided.al2", we should build every function (none refused by the glibc 2.26 check).
  const SlsRun& build = al2_build().build;
  EXPECT_EQ(build.exit_code, 0) << build.err;
  EXPECT_NE(build.err.find("6 function(s) built, 0 failed"), std::string::npos) << build.err;
  auto manifest = read_file(al2_build().project / ".sls" / "output" / "manifest.json");
  ASSERT_TRUE(manifest);
  json parsed = json::parse(*manifest);
  for (const json& function : parsed["functions"]) EXPECT_EQ(function["runtime"], "provided.al2") << function;
}

TEST(Al2RuntimeTest, NoBootstrapAsksForAGlibcNewerThan226) {
  // Given the al2 bundles, we should find only GLIBC_x.y versions up to 2.26 in each bootstrap's needs,
  // and libpthread/libdl/librt named (where glibc 2.26 keeps the moved functions).
  for (const std::string& function : k_functions) {
    fs::path dir = extract_bundle(al2_build().bundle(function));
    auto elf = read_elf_file(dir / "bootstrap");
    ASSERT_TRUE(elf) << function;
    for (const VersionNeed& need : elf->version_needs) {
      GlibcVersion version = parse_glibc_version(need.version);
      EXPECT_LE(version, (GlibcVersion{2, 26})) << function << " needs " << need.version << " from " << need.library;
    }
    for (const char* library : {"libpthread.so.0", "libdl.so.2", "librt.so.1"})
      EXPECT_NE(std::find(elf->needed.begin(), elf->needed.end(), library), elf->needed.end()) << function;
  }
}

TEST(Al2RuntimeTest, BootstrapsAnswerLikeTheAl2023Build) {
  // Given al2 bootstraps on this machine's glibc, we should get the same answers as the al2023 build's.
  ServedFunction hello(al2_build().bundle("api/hello"), "api/hello");
  EXPECT_EQ(response_of(hello.invoke({http_event("GET", "/api/hello", "name=Ada")})[0])["body"], "hello Ada");
  ServedFunction user(al2_build().bundle("api/users/[id]"), "api/users/[id]");
  auto results = user.invoke({http_event("GET", "/api/users/99999999999999999999999"), http_event("GET", "/api/users/7")});
  EXPECT_EQ(results[0].error_type, "std::out_of_range");  // exceptions unwind (libgcc's _dl_find_object shim)
  EXPECT_EQ(response_of(results[1])["body"], R"({"id":7,"function":"api/users/[id]"})");
  ServedFunction visits(al2_build().bundle("api/visits"), "api/visits");
  auto counted = visits.invoke({http_event("GET", "/api/visits"), http_event("GET", "/api/visits")});
  EXPECT_EQ(response_of(counted[1])["body"], "visits on this instance: 2");
}

TEST(Al2RuntimeTest, ThreadsTimedWaitsAndGlobalConstructorsWork) {
  // Given the threads function, we should see its global constructed, the worker's answer, a timed wait
  // that times out, and std::filesystem working, all through the old glibc versions.
  ServedFunction threads(al2_build().bundle("api/threads"), "api/threads");
  EXPECT_EQ(response_of(threads.invoke({http_event("GET", "/api/threads")})[0])["body"],
            "constructed=7 answered=1 answer=42 timed_out=1 root=1");
}

}  // namespace
}  // namespace sls::e2e

// sls dev running functions as the platform does (tests/dev/projects/platform): an instance is
// frozen between invocations, so a timer armed in one fires in the next; concurrency = 4 serves
// four requests at once from one instance; max_duration ends an invocation with 504.
#include <future>
#include <memory>
#include <regex>
#include <thread>

#include <gtest/gtest.h>

#include "tests/dev/dev_session.hpp"
#include "tests/dev/http_client.hpp"

namespace sls::testing {
namespace {
using namespace std::chrono_literals;

class DevPlatformTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    s_project = std::make_unique<TempDir>("sls-dev-platform");
    copy_test_project("platform", s_project->path());
    s_session = std::make_unique<DevSession>(s_project->path());
  }
  static void TearDownTestSuite() {
    s_session.reset();
    s_project.reset();
  }
  void SetUp() override { ASSERT_TRUE(s_session->serving()) << s_session->log(); }
  std::uint16_t port() const { return s_session->port(); }

  // Whether every instance (every child of sls dev) is stopped, within `timeout`.
  static bool all_instances_frozen(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      std::vector<pid_t> children = children_of(s_session->pid());
      bool frozen = !children.empty();
      for (pid_t child : children) frozen = frozen && process_state(child) == 'T';
      if (frozen) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }

  static std::unique_ptr<TempDir> s_project;
  static std::unique_ptr<DevSession> s_session;
};
std::unique_ptr<TempDir> DevPlatformTest::s_project;
std::unique_ptr<DevSession> DevPlatformTest::s_session;

TEST_F(DevPlatformTest, ATimerArmedInOneRequestFiresInTheNext) {
  // Given alarm(1) armed in a first request and a report asked two seconds later, we should find
  // the instance stopped in between and the signal delivered only when the second invocation
  // thawed it: about two seconds after it was armed, not one.
  ASSERT_EQ(http_get(port(), "/api/alarm?step=arm").body, "armed");
  EXPECT_TRUE(all_instances_frozen(2s)) << "the instance should be stopped while it waits in /next";
  std::this_thread::sleep_for(2s);
  std::string report = http_get(port(), "/api/alarm?step=report").body;
  std::smatch match;
  ASSERT_TRUE(std::regex_match(report, match, std::regex(R"(arrived after (\d+) ms)"))) << report;
  EXPECT_GE(std::stol(match[1]), 1900) << "the signal arrived while the instance should have been frozen";
  EXPECT_TRUE(s_session->wait_for_log("GET /api/alarm?step=report 200 api/alarm#1 warm", 5s)) << s_session->log();
}

TEST_F(DevPlatformTest, ConcurrencyFourServesFourSlowRequestsFromOneInstance) {
  // Given concurrency = 4 and four requests that each take a second, we should answer all four
  // from one process in well under four seconds.
  auto started = std::chrono::steady_clock::now();
  std::vector<std::future<HttpAnswer>> calls;
  for (int i = 0; i < 4; ++i)
    calls.push_back(std::async(std::launch::async, [this] { return http_get(port(), "/api/slow"); }));
  std::vector<std::string> bodies;
  for (auto& call : calls) bodies.push_back(call.get().body);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2500ms);
  for (const std::string& body : bodies) EXPECT_EQ(body, bodies.front());  // "slow done in process N"
  EXPECT_TRUE(s_session->wait_for_log("GET /api/slow 200 api/slow#1", 5s, 4)) << s_session->log();
  EXPECT_EQ(s_session->count_in_log("api/slow#2"), 0u);
}

TEST_F(DevPlatformTest, MaxDurationEndsTheInvocationWith504) {
  // Given max_duration = 1 and a handler that sleeps five seconds, we should answer 504 after
  // about a second, discard the instance, and serve the next request from a fresh one.
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(http_get(port(), "/api/stuck").status, 504);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
  EXPECT_EQ(http_get(port(), "/api/stuck?quick=1").body, "quick");
  EXPECT_TRUE(s_session->wait_for_log("GET /api/stuck 504 api/stuck#1 cold", 5s)) << s_session->log();
  EXPECT_TRUE(s_session->wait_for_log("GET /api/stuck?quick=1 200 api/stuck#2 cold", 5s)) << s_session->log();
}

}  // namespace
}  // namespace sls::testing

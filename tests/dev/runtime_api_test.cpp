// RuntimeApi (dev/runtime_api.hpp) driven by hand over loopback, the way a bootstrap drives it:
// events handed out with the Lambda-Runtime-* headers, answers matched by request id, and the
// freeze/thaw hooks at /next.
#include "dev/runtime_api.hpp"

#include <atomic>
#include <future>

#include <gtest/gtest.h>

#include "tests/dev/http_client.hpp"

namespace sls::dev {
namespace {
using namespace std::chrono_literals;

std::uint16_t port_of(const RuntimeApi& api) {
  std::string address = api.address();
  return static_cast<std::uint16_t>(std::stoi(address.substr(address.rfind(':') + 1)));
}

TEST(RuntimeApiTest, EventGoesOutWithHeadersAndTheResponseComesBack) {
  // Given a queued event, we should hand it to /next with the Lambda headers and complete the
  // invocation with what /response posts.
  auto api = RuntimeApi::start("arn:aws:lambda:us-east-1:0:function:f", {});
  ASSERT_TRUE(api);
  auto deadline = std::chrono::system_clock::now() + 5s;
  auto outcome = (*api)->submit(R"({"version":"2.0"})", deadline);
  auto next = testing::http_get(port_of(**api), "/2018-06-01/runtime/invocation/next");
  EXPECT_EQ(next.body, R"({"version":"2.0"})");
  EXPECT_EQ(next.header("lambda-runtime-invoked-function-arn"), "arn:aws:lambda:us-east-1:0:function:f");
  EXPECT_EQ(next.header("lambda-runtime-deadline-ms"),
            std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(deadline.time_since_epoch()).count()));
  EXPECT_EQ(next.header("lambda-runtime-trace-id").rfind("Root=1-", 0), 0u);
  std::string id = next.header("lambda-runtime-aws-request-id");
  ASSERT_FALSE(id.empty());
  auto posted =
      testing::http_call(port_of(**api), {"POST", "/2018-06-01/runtime/invocation/" + id + "/response", {}, "ok"});
  EXPECT_EQ(posted.status, 202);
  ASSERT_EQ(outcome.wait_for(5s), std::future_status::ready);
  InvocationOutcome result = outcome.get();
  EXPECT_EQ(result.kind, InvocationOutcome::Kind::Response);
  EXPECT_EQ(result.body, "ok");
  EXPECT_EQ(
      testing::http_call(port_of(**api), {"POST", "/2018-06-01/runtime/invocation/nope/response", {}, "x"}).status,
      400);
}

TEST(RuntimeApiTest, IdleNextFreezesAndTheNextEventThaws) {
  // Given a runtime waiting in /next with nothing queued, we should freeze once, then thaw before
  // handing out the next event.
  std::atomic<int> freezes{0}, thaws{0};
  auto api = RuntimeApi::start("arn", {[&] { ++freezes; }, [&] { ++thaws; }});
  ASSERT_TRUE(api);
  auto waiting = std::async(std::launch::async, [&] {
    return testing::http_call(port_of(**api), {"GET", "/2018-06-01/runtime/invocation/next", {}, "", 5s});
  });
  for (int i = 0; i < 100 && freezes == 0; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(freezes, 1);
  EXPECT_EQ(thaws, 0);
  auto outcome = (*api)->submit("{}", std::chrono::system_clock::now() + 5s);
  EXPECT_EQ(waiting.get().status, 200);
  EXPECT_EQ(thaws, 1);
  (*api)->fail_all({InvocationOutcome::Kind::Exited, "", "gone"});
  EXPECT_EQ(outcome.get().kind, InvocationOutcome::Kind::Exited);
}

TEST(RuntimeApiTest, InitErrorFailsTheQueuedEventAndLaterOnes) {
  // Given an init error, we should end the queued invocation with it and fail new ones at once.
  auto api = RuntimeApi::start("arn", {});
  ASSERT_TRUE(api);
  auto queued = (*api)->submit("{}", std::chrono::system_clock::now() + 5s);
  testing::http_call(
      port_of(**api),
      {"POST", "/2018-06-01/runtime/init/error", {{"Lambda-Runtime-Function-Error-Type", "Runtime.NoHandler"}}, "{}"});
  ASSERT_EQ(queued.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(queued.get().error_type, "Runtime.NoHandler");
  EXPECT_EQ((*api)->submit("{}", std::chrono::system_clock::now()).get().kind, InvocationOutcome::Kind::InitError);
}

}  // namespace
}  // namespace sls::dev

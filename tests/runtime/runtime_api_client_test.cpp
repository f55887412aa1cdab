// The Runtime API client in-process against the fake server: the protocol without a compile.
#include "native/runtime_api_client.hpp"

#include <future>

#include <gtest/gtest.h>

#include "lambda_runtime_server.hpp"

using namespace std::chrono_literals;

namespace sls::runtime {
namespace {

RuntimeApiClient client_for(const test::LambdaRuntimeServer& server) {
  return RuntimeApiClient(*HttpClient::from_host_port(server.address()));
}

TEST(RuntimeApiClientTest, NextCarriesIdDeadlineTraceAndEvent) {
  // Given a queued event with a deadline and trace id, we should receive all of them from /next.
  test::LambdaRuntimeServer server;
  const auto deadline = std::chrono::system_clock::time_point(std::chrono::milliseconds(1'700'000'000'123));
  const auto id = server.enqueue({R"({"k":1})", deadline, "Root=1-x", "arn:aws:lambda:r:1:function:f"});
  auto client = client_for(server);
  std::string error;
  const auto invocation = client.next(error);
  ASSERT_TRUE(invocation) << error;
  EXPECT_EQ(invocation->request_id, id);
  EXPECT_EQ(invocation->deadline, deadline);
  EXPECT_EQ(invocation->trace_id, "Root=1-x");
  EXPECT_EQ(invocation->function_arn, "arn:aws:lambda:r:1:function:f");
  EXPECT_EQ(invocation->event, R"({"k":1})");
}

TEST(RuntimeApiClientTest, NextBlocksUntilAnEventIsQueued) {
  // Given an empty queue, we should block in /next and return once an event arrives.
  test::LambdaRuntimeServer server;
  auto client = client_for(server);
  auto pending = std::async(std::launch::async, [&] {
    std::string error;
    return client.next(error);
  });
  EXPECT_EQ(pending.wait_for(100ms), std::future_status::timeout);
  const auto id = server.enqueue("{}");
  ASSERT_EQ(pending.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(pending.get()->request_id, id);
}

TEST(RuntimeApiClientTest, ReportsAreRecordedPerRequest) {
  // Given a response, an error and an init error, we should find each recorded with its body and
  // error type header.
  test::LambdaRuntimeServer server;
  const auto first = server.enqueue("{}");
  const auto second = server.enqueue("{}");
  auto client = client_for(server);
  EXPECT_TRUE(client.post_response(first, R"({"statusCode":200})"));
  EXPECT_TRUE(client.post_error(second, {"app::Oops", "bad\nthing"}));
  EXPECT_TRUE(client.post_init_error({"Runtime.NoHandler", "none"}));
  EXPECT_FALSE(client.post_response("unknown-id", "{}"));
  ASSERT_TRUE(server.wait_for_results(2, 5s));
  EXPECT_EQ(server.result_for(first)->body, R"({"statusCode":200})");
  EXPECT_EQ(server.result_for(second)->error_type, "app::Oops");
  EXPECT_EQ(server.result_for(second)->body,
            R"({"errorMessage":"bad\nthing","errorType":"app::Oops","stackTrace":[]})");
  ASSERT_EQ(server.init_errors().size(), 1u);
  EXPECT_EQ(server.init_errors()[0].error_type, "Runtime.NoHandler");
}

TEST(RuntimeApiClientTest, StoppingTheServerEndsABlockedNext) {
  // Given a client blocked in /next, we should get an error (not a hang) when the server stops.
  test::LambdaRuntimeServer server;
  auto client = client_for(server);
  auto pending = std::async(std::launch::async, [&] {
    std::string error;
    return client.next(error);
  });
  std::this_thread::sleep_for(50ms);
  server.stop();
  ASSERT_EQ(pending.wait_for(10s), std::future_status::ready);
  EXPECT_FALSE(pending.get());
}

}  // namespace
}  // namespace sls::runtime

#include <gtest/gtest.h>
#include <sls/function.hpp>

namespace sls {
namespace {

TEST(SdkTest, RequestLookups) {
  // Given a request, we should find headers case-insensitively, the first of repeated query
  // values, route params, and empty strings for anything absent.
  const Request request("GET", "/p", {{"a", "1"}, {"a", "2"}}, {{"x-key", "v"}}, "", {{"id", "9"}});
  EXPECT_EQ(request.header("X-Key"), "v");
  EXPECT_EQ(request.query("a"), "1");
  EXPECT_EQ(request.param("id"), "9");
  EXPECT_EQ(request.query("missing"), "");
  EXPECT_EQ(request.header("missing"), "");
}

TEST(SdkTest, ResponseHelpersAndSetHeader) {
  // Given the json helper and set_header on an existing name in another case, we should have one
  // header per name with the new value.
  auto response = Response::json(201, "{}");
  response.set_header("Content-Type", "application/problem+json");
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.headers, (Fields{{"Content-Type", "application/problem+json"}}));
  EXPECT_EQ(Response::html(200, "x").headers[0].second, "text/html; charset=utf-8");
}

TEST(SdkTest, ContextRemainingTime) {
  // Given no deadline, a passed deadline and a future one, we should report the large default,
  // zero and a positive value no larger than the distance.
  EXPECT_EQ(Context().remaining_time(), Context::k_no_deadline_remaining);
  EXPECT_EQ(Context("r", Context::Clock::now() - std::chrono::seconds(1), "f", "").remaining_time().count(), 0);
  const auto left = Context("r", Context::Clock::now() + std::chrono::seconds(5), "f", "").remaining_time();
  EXPECT_GT(left.count(), 0);
  EXPECT_LE(left.count(), 5000);
}

}  // namespace
}  // namespace sls

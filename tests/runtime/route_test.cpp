#include "common/route.hpp"

#include <gtest/gtest.h>

namespace sls::runtime {
namespace {

TEST(RouteTest, DynamicSegmentsBecomeParams) {
  // Given "/api/users/:id/posts/:post", we should extract both decoded segment values.
  const auto params = match_route("/api/users/:id/posts/:post", "/api/users/42/posts/a%20b");
  ASSERT_TRUE(params);
  EXPECT_EQ(*params, (Fields{{"id", "42"}, {"post", "a b"}}));
}

TEST(RouteTest, MismatchesGiveNoParams) {
  // Given a different literal, a missing segment or an extra one, we should report no match.
  EXPECT_FALSE(match_route("/api/users/:id", "/api/groups/42"));
  EXPECT_FALSE(match_route("/api/users/:id", "/api/users"));
  EXPECT_FALSE(match_route("/api/users/:id", "/api/users/42/extra"));
}

TEST(RouteTest, TrailingSlashAndCatchAll) {
  // Given a trailing slash, we should still match; given "*rest", we should take every remaining
  // segment.
  EXPECT_EQ(match_route("/api/users/:id", "/api/users/7/"), (Fields{{"id", "7"}}));
  EXPECT_EQ(match_route("/docs/*slug", "/docs/a/b/c"), (Fields{{"slug", "a/b/c"}}));
  EXPECT_FALSE(match_route("/docs/*slug", "/docs"));
  EXPECT_EQ(match_route("/api/hello", "/api/hello"), Fields{});
}

}  // namespace
}  // namespace sls::runtime

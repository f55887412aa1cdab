#include "bundler/project/routes.hpp"

#include <gtest/gtest.h>

namespace sls {
namespace {

TEST(RoutesTest, PlainPathIsItsOwnRoute) {
  // Given api/hello, we should route /api/hello.
  EXPECT_EQ(*route_for_function("api/hello"), "/api/hello");
}

TEST(RoutesTest, BracketSegmentBecomesParameter) {
  // Given api/users/[id]/posts/[post_id], we should get two parameters.
  EXPECT_EQ(*route_for_function("api/users/[id]/posts/[post_id]"), "/api/users/:id/posts/:post_id");
  EXPECT_TRUE(is_dynamic_route("/api/users/:id"));
  EXPECT_FALSE(is_dynamic_route("/api/users"));
}

TEST(RoutesTest, SpacesAndNonAsciiAreKept) {
  // Given a name with a space and non-ASCII letters, we should keep them as they are.
  EXPECT_EQ(*route_for_function("api/café menu"), "/api/café menu");
}

TEST(RoutesTest, InvalidSegmentsAreRefused) {
  // Given malformed bracket segments, we should say what is wrong.
  EXPECT_NE(route_for_function("api/x[id]").error().message.find("whole [param]"), std::string::npos);
  EXPECT_NE(route_for_function("api/[1d]").error().message.find("identifier"), std::string::npos);
  EXPECT_NE(route_for_function("api/[id]/[id]").error().message.find("twice"), std::string::npos);
  EXPECT_NE(route_for_function("api/[...rest]").error().message.find("catch-all"), std::string::npos);
}

}  // namespace
}  // namespace sls

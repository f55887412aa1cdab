// Router (dev/router.hpp): the manifest's route table, tried in order.
#include "dev/router.hpp"

#include <gtest/gtest.h>

namespace sls::dev {
namespace {

Router sample_router() {
  using Kind = Route::Kind;
  return Router({{"/index.html", Kind::Static, "index.html"},
                 {"/docs/index.html", Kind::Static, "docs/index.html"},
                 {"/api/users/me", Kind::Function, "api/users/me"},
                 {"/api/users/:id", Kind::Function, "api/users/[id]"},
                 {"/api/files/*rest", Kind::Function, "api/files/[...rest]"}});
}

TEST(RouterTest, StaticRoutesWinOverParameters) {
  // Given /api/users/me and /api/users/:id, we should send "me" to its own function and 42 to the other.
  Router router = sample_router();
  EXPECT_EQ(router.match("/api/users/me")->route->target, "api/users/me");
  auto user = router.match("/api/users/42");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->route->target, "api/users/[id]");
  EXPECT_EQ(user->params, (std::vector<std::pair<std::string, std::string>>{{"id", "42"}}));
}

TEST(RouterTest, ParametersAreDecodedAndOneSegmentLong) {
  // Given encoded characters and an extra segment, we should decode the value and refuse the longer path.
  Router router = sample_router();
  EXPECT_EQ(router.match("/api/users/a%20b")->params.at(0).second, "a b");
  EXPECT_FALSE(router.match("/api/users/42/posts"));
  EXPECT_FALSE(router.match("/api/users/"));
}

TEST(RouterTest, ARestParameterTakesTheRestOfThePath) {
  // Given a final *rest segment, we should capture every segment after it.
  auto match = sample_router().match("/api/files/a/b/c.txt");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->params.at(0), (std::pair<std::string, std::string>{"rest", "a/b/c.txt"}));
}

TEST(RouterTest, AFolderAnswersWithItsIndex) {
  // Given /, /docs and /docs/, we should serve the folders' index.html files; unknown paths match nothing.
  Router router = sample_router();
  EXPECT_EQ(router.match("/")->route->target, "index.html");
  EXPECT_EQ(router.match("/docs")->route->target, "docs/index.html");
  EXPECT_EQ(router.match("/docs/")->route->target, "docs/index.html");
  EXPECT_FALSE(router.match("/nope"));
  EXPECT_FALSE(router.match("/api/users/me/index.html"));
}

}  // namespace
}  // namespace sls::dev

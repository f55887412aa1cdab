// sls dev on a copy of examples/quickstart (plus a folder and a stylesheet in public/): static
// files, routes with parameters, request bodies and headers reaching functions, 404s, the
// access log, and --instances 2 giving each instance its own state.
#include <memory>

#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/dev/dev_session.hpp"
#include "tests/dev/http_client.hpp"

namespace sls::testing {
namespace {
using namespace std::chrono_literals;

class DevRoutesTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    s_project = std::make_unique<TempDir>("sls-dev-routes");
    copy_example("quickstart", s_project->path());
    s_project->write("public/guide/index.html", "<h1>guide</h1>\n");
    s_project->write("public/css/site.css", "body { color: teal; }\n");
    s_session = std::make_unique<DevSession>(s_project->path());
  }
  static void TearDownTestSuite() {
    s_session.reset();
    s_project.reset();
  }
  void SetUp() override { ASSERT_TRUE(s_session->serving()) << s_session->log(); }
  std::uint16_t port() const { return s_session->port(); }

  static std::unique_ptr<TempDir> s_project;
  static std::unique_ptr<DevSession> s_session;
};
std::unique_ptr<TempDir> DevRoutesTest::s_project;
std::unique_ptr<DevSession> DevRoutesTest::s_session;

TEST_F(DevRoutesTest, StaticFilesHaveTheirContentTypesAndFoldersTheirIndex) {
  // Given public/index.html, public/guide/index.html and a stylesheet, we should serve / and
  // /guide(/) from the index files and each file with its content type.
  auto root = http_get(port(), "/");
  EXPECT_EQ(root.status, 200) << root.error;
  EXPECT_NE(root.body.find("sls quickstart"), std::string::npos);
  EXPECT_EQ(root.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(http_get(port(), "/guide/").body, "<h1>guide</h1>\n");
  EXPECT_EQ(http_get(port(), "/guide").body, "<h1>guide</h1>\n");
  auto css = http_get(port(), "/css/site.css");
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(css.body, "body { color: teal; }\n");
  // The manifest's caching policy (docs/configuration.md defaults): HTML revalidates, other files have none.
  EXPECT_EQ(root.header("cache-control"), "public, max-age=0, must-revalidate");
  EXPECT_EQ(css.header("cache-control"), "no-cache");
}

TEST_F(DevRoutesTest, AnEtagComesBackAs304) {
  // Given the ETag of a first answer sent back in If-None-Match, we should answer 304 with no body.
  auto first = http_get(port(), "/index.html");
  std::string etag = first.header("etag");
  ASSERT_EQ(etag.size(), 66u) << "a quoted sha256";
  auto again = http_call(port(), {"GET", "/index.html", {{"If-None-Match", etag}}, ""});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(http_call(port(), {"GET", "/index.html", {{"If-None-Match", "\"other\""}}, ""}).status, 200);
}

TEST_F(DevRoutesTest, RoutesReachTheirFunctionsWithParameters) {
  // Given static and dynamic function routes, we should run each function with its query and route parameter.
  EXPECT_EQ(http_get(port(), "/api/hello?name=Ada").body, "hello Ada");
  auto user = http_get(port(), "/api/users/42");
  EXPECT_EQ(user.status, 200);
  EXPECT_EQ(user.body, R"({"id":42,"function":"api/users/[id]"})");
  EXPECT_EQ(http_get(port(), "/api/users/abc").status, 400);  // the function's own answer
  EXPECT_TRUE(s_session->wait_for_log("GET /api/users/42 200 api/users/[id]#1 ", 5s)) << s_session->log();
}

TEST_F(DevRoutesTest, PostBodiesAndHeadersReachTheFunction) {
  // Given a POST with a JSON body and its content type, we should see api/echo answer both back.
  auto echo = http_call(port(), {"POST", "/api/echo", {{"Content-Type", "application/json"}}, R"({"a":[1,2]})"});
  EXPECT_EQ(echo.status, 200) << echo.error;
  EXPECT_EQ(echo.body, R"({"a":[1,2]})");
  EXPECT_EQ(echo.header("content-type"), "application/json");
  EXPECT_EQ(echo.header("x-body-length"), "11");
  EXPECT_EQ(http_get(port(), "/api/echo").status, 405);
}

TEST_F(DevRoutesTest, UnknownRoutesAre404AndEveryRequestIsLogged) {
  // Given a path no route matches, we should answer 404 and log it like every other request.
  EXPECT_EQ(http_get(port(), "/api/nope").status, 404);
  EXPECT_EQ(http_get(port(), "/missing.png").status, 404);
  EXPECT_TRUE(s_session->wait_for_log("GET /api/nope 404 - ", 5s)) << s_session->log();
}

TEST(DevInstancesTest, TwoInstancesKeepDivergingCounters) {
  // Given --instances 2 and api/visits counting in a global, we should see requests alternate
  // between two instances, each with its own count: 1, 1, 2, 2.
  TempDir project("sls-dev-instances");
  copy_example("quickstart", project.path());
  DevSession session(project.path(), {"--instances", "2"});
  ASSERT_TRUE(session.serving()) << session.log();
  std::vector<std::string> bodies;
  for (int i = 0; i < 4; ++i) bodies.push_back(http_get(session.port(), "/api/visits").body);
  EXPECT_EQ(bodies, (std::vector<std::string>{"visits on this instance: 1", "visits on this instance: 1",
                                              "visits on this instance: 2", "visits on this instance: 2"}));
  EXPECT_TRUE(session.wait_for_log("GET /api/visits 200 api/visits#1 cold", 5s));
  EXPECT_TRUE(session.wait_for_log("GET /api/visits 200 api/visits#2 cold", 5s));
  EXPECT_EQ(session.count_in_log("api/visits#2 warm"), 1u) << session.log();
}

}  // namespace
}  // namespace sls::testing

// HttpServer (dev/http_server.hpp) over loopback: requests reach the handler whole, bad ones get
// a clear status without reaching it.
#include "dev/http_server.hpp"

#include <gtest/gtest.h>

#include "tests/dev/http_client.hpp"

namespace sls::dev {
namespace {

class HttpServerTest : public ::testing::Test {
protected:
  void SetUp() override {
    HttpServerLimits limits;
    limits.max_body_bytes = 1000;
    limits.max_head_bytes = 2000;
    auto server = HttpServer::listen(
        "127.0.0.1", 0,
        [this](const HttpRequest& request) {
          ++m_handled;
          return HttpResponse::text(
              200, request.method + " " + request.target + " " + request.header("x-a") + " " + request.body);
        },
        limits);
    ASSERT_TRUE(server) << server.error().message;
    m_server = std::move(*server);
  }
  std::unique_ptr<HttpServer> m_server;
  std::atomic<int> m_handled{0};
};

TEST_F(HttpServerTest, RequestReachesTheHandlerWithHeadersAndBody) {
  // Given a POST with a header and a body, we should hand all of it to the handler and close after the answer.
  auto answer = testing::http_call(m_server->port(), {"POST", "/x?y=1", {{"X-A", "b"}}, "body!"});
  EXPECT_EQ(answer.status, 200) << answer.error;
  EXPECT_EQ(answer.body, "POST /x?y=1 b body!");
  EXPECT_EQ(answer.header("connection"), "close");
  EXPECT_EQ(answer.header("content-length"), "19");
}

TEST_F(HttpServerTest, ChunkedBodiesAreDecoded) {
  // Given a chunked body, we should reassemble it.
  auto answer = testing::http_raw(
      m_server->port(), "PUT /c HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
  EXPECT_EQ(answer.body, "PUT /c  abcde");
}

TEST_F(HttpServerTest, MalformedAndOversizedRequestsAreRefused) {
  // Given garbage, a body over the limit and a head over the limit, we should answer 400, 413 and
  // 431 without calling the handler.
  EXPECT_EQ(testing::http_raw(m_server->port(), "hello\r\n\r\n").status, 400);
  EXPECT_EQ(testing::http_call(m_server->port(), {"POST", "/", {}, std::string(1001, 'x')}).status, 413);
  EXPECT_EQ(testing::http_call(m_server->port(), {"GET", "/", {{"x-big", std::string(3000, 'y')}}, ""}).status, 431);
  EXPECT_EQ(m_handled, 0);
}

TEST_F(HttpServerTest, HeadGetsNoBody) {
  // Given HEAD, we should send the headers of the answer with its length and no body.
  auto answer = testing::http_call(m_server->port(), {"HEAD", "/h", {}, ""});
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.header("content-length"), "9");  // "HEAD /h  "
  EXPECT_TRUE(answer.body.empty());
}

}  // namespace
}  // namespace sls::dev

// HttpClient against a one-shot loopback server that sends a canned reply, to cover the framings
// the fake Runtime API does not use (chunked, close-delimited).
#include "native/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include <gtest/gtest.h>

namespace sls::runtime {
namespace {

// Accepts one connection (waiting at most 10 s), reads the request head, writes `reply`, closes.
class CannedServer {
public:
  explicit CannedServer(std::string reply) : m_reply(std::move(reply)) {
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(m_fd, 1);
    ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { serve_once(); });
  }
  ~CannedServer() {
    m_thread.join();
    ::close(m_fd);
  }
  std::string address() const { return "127.0.0.1:" + std::to_string(m_port); }
  const std::string& received() const { return m_received; }  // valid after the client returned

private:
  void serve_once() {
    pollfd waiting{m_fd, POLLIN, 0};
    if (::poll(&waiting, 1, 10'000) <= 0) return;
    const int client = ::accept(m_fd, nullptr, nullptr);
    char buffer[4096];
    while (m_received.find("\r\n\r\n") == std::string::npos) {
      const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      m_received.append(buffer, static_cast<std::size_t>(n));
    }
    ::send(client, m_reply.data(), m_reply.size(), MSG_NOSIGNAL);
    ::close(client);
  }

  std::string m_reply;
  int m_fd = -1;
  std::uint16_t m_port = 0;
  std::string m_received;
  std::thread m_thread;
};

TEST(HttpClientTest, ChunkedBodyIsReassembled) {
  // Given a chunked reply with a chunk extension and a trailer, we should get the joined body.
  CannedServer server(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Id: 7\r\n\r\n"
      "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n");
  const auto result = HttpClient::from_host_port(server.address())->get("/path");
  ASSERT_TRUE(result.response) << result.error;
  EXPECT_EQ(result.response->body, "hello world");
  EXPECT_EQ(result.response->header("x-id"), "7");
  EXPECT_TRUE(server.received().starts_with("GET /path HTTP/1.1\r\n")) << server.received();
}

TEST(HttpClientTest, BodyWithoutLengthRunsToClose) {
  // Given a reply with neither Content-Length nor chunking, we should read until the server closes.
  CannedServer server("HTTP/1.1 202 Accepted\r\n\r\nall of it");
  const auto result = HttpClient::from_host_port(server.address())->post("/p", "data");
  ASSERT_TRUE(result.response) << result.error;
  EXPECT_EQ(result.response->status, 202);
  EXPECT_EQ(result.response->body, "all of it");
}

TEST(HttpClientTest, TruncatedReplyIsAnError) {
  // Given a Content-Length longer than what arrives before close, we should report an error.
  CannedServer server("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort");
  const auto result = HttpClient::from_host_port(server.address())->get("/");
  EXPECT_FALSE(result.response);
  EXPECT_FALSE(result.error.empty());
}

TEST(HttpClientTest, HostPortParsing) {
  // Given addresses with and without a port, we should accept only those with one.
  EXPECT_TRUE(HttpClient::from_host_port("127.0.0.1:9001"));
  EXPECT_TRUE(HttpClient::from_host_port("[::1]:9001"));
  EXPECT_FALSE(HttpClient::from_host_port("localhost"));
  EXPECT_FALSE(HttpClient::from_host_port("localhost:"));
}

}  // namespace
}  // namespace sls::runtime

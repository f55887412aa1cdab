#include "tests/dev/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>

namespace sls::testing {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

int connect_loopback(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

HttpAnswer parse_answer(const std::string& raw) {
  HttpAnswer answer;
  auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos || raw.compare(0, 9, "HTTP/1.1 ") != 0) {
    answer.error = "no HTTP answer: '" + raw.substr(0, 80) + "'";
    return answer;
  }
  answer.status = std::atoi(raw.c_str() + 9);
  std::size_t line_start = raw.find("\r\n") + 2;
  while (line_start < head_end) {
    std::size_t line_end = raw.find("\r\n", line_start);
    std::string line = raw.substr(line_start, line_end - line_start);
    auto colon = line.find(':');
    std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    answer.headers.emplace_back(lower(line.substr(0, colon)), value);
    line_start = line_end + 2;
  }
  answer.body = raw.substr(head_end + 4);
  return answer;
}

}  // namespace

std::string HttpAnswer::header(const std::string& name) const {
  for (const auto& [key, value] : headers)
    if (key == lower(name)) return value;
  return {};
}

HttpAnswer http_raw(std::uint16_t port, const std::string& raw, std::chrono::milliseconds timeout) {
  int fd = connect_loopback(port);
  if (fd < 0) return {0, {}, {}, std::string("connect: ") + std::strerror(errno)};
  for (std::size_t sent = 0; sent < raw.size();) {
    ssize_t n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may refuse early (413) and close; read what it said
    sent += static_cast<std::size_t>(n);
  }
  std::string received;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd waiting{fd, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) {
      ::close(fd);
      return {0, {}, {}, "timed out after " + std::to_string(timeout.count()) + " ms"};
    }
    char chunk[16384];
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    received.append(chunk, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return parse_answer(received);
}

HttpAnswer http_call(std::uint16_t port, const HttpCall& call) {
  std::string raw = call.method + " " + call.target + " HTTP/1.1\r\nhost: 127.0.0.1:" + std::to_string(port) + "\r\n";
  for (const auto& [name, value] : call.headers) raw += name + ": " + value + "\r\n";
  if (!call.body.empty() || call.method == "POST" || call.method == "PUT")
    raw += "content-length: " + std::to_string(call.body.size()) + "\r\n";
  raw += "connection: close\r\n\r\n" + call.body;
  return http_raw(port, raw, call.timeout);
}

HttpAnswer http_get(std::uint16_t port, const std::string& target) { return http_call(port, {"GET", target, {}, {}}); }

bool port_is_open(std::uint16_t port) {
  int fd = connect_loopback(port);
  if (fd < 0) return false;
  ::close(fd);
  return true;
}

}  // namespace sls::testing

// HTTP/1.1 over a blocking TCP socket: write the request, read the status line and headers up to
// the blank line, then the body framed by Transfer-Encoding: chunked, Content-Length, or the end
// of the connection (in that order of precedence, as RFC 9112 section 6.3 says).
#include "http_client.hpp"

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace sls::runtime {

namespace {

// Owns a connected socket and buffers what has been read but not consumed.
class SocketStream {
public:
  explicit SocketStream(int fd) : m_fd(fd) {}
  ~SocketStream() {
    if (m_fd >= 0) ::close(m_fd);
  }
  SocketStream(const SocketStream&) = delete;
  SocketStream& operator=(const SocketStream&) = delete;

  bool write_all(std::string_view data) {
    while (!data.empty()) {
      const ssize_t n = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // Reads one line ending in CRLF (or LF); false at end of stream before a full line.
  bool read_line(std::string& line) {
    for (;;) {
      const auto eol = m_buffer.find('\n');
      if (eol != std::string::npos) {
        line.assign(m_buffer, 0, eol > 0 && m_buffer[eol - 1] == '\r' ? eol - 1 : eol);
        m_buffer.erase(0, eol + 1);
        return true;
      }
      if (!fill()) return false;
    }
  }

  bool read_exact(std::size_t count, std::string& out) {
    while (m_buffer.size() < count) {
      if (!fill()) return false;
    }
    out.append(m_buffer, 0, count);
    m_buffer.erase(0, count);
    return true;
  }

  void read_to_end(std::string& out) {
    while (fill()) {
    }
    out += m_buffer;
    m_buffer.clear();
  }

private:
  bool fill() {
    char chunk[16384];
    for (;;) {
      const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      m_buffer.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
  }

  int m_fd;
  std::string m_buffer;
};

int connect_to(const std::string& host, const std::string& port, std::string& error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found); rc != 0) {
    error = "cannot resolve " + host + ": " + ::gai_strerror(rc);
    return -1;
  }
  int fd = -1;
  for (addrinfo* a = found; a != nullptr && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd >= 0 && ::connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
      error = "cannot connect to " + host + ":" + port + ": " + std::strerror(errno);
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  return fd;
}

bool read_chunked_body(SocketStream& stream, std::string& body) {
  std::string line;
  for (;;) {
    if (!stream.read_line(line)) return false;
    char* end = nullptr;
    const unsigned long long size = std::strtoull(line.c_str(), &end, 16);
    if (end == line.c_str()) return false;
    if (size == 0) break;
    if (!stream.read_exact(size, body) || !stream.read_line(line)) return false;
  }
  while (stream.read_line(line) && !line.empty()) {
  }  // trailer fields, ignored
  return true;
}

bool read_head(SocketStream& stream, HttpResponse& response) {
  std::string line;
  if (!stream.read_line(line) || !line.starts_with("HTTP/1.")) return false;
  const auto space = line.find(' ');
  if (space == std::string::npos) return false;
  response.status = std::atoi(line.c_str() + space + 1);
  while (stream.read_line(line) && !line.empty()) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) return false;
    const auto value_start = line.find_first_not_of(" \t", colon + 1);
    std::string value = value_start == std::string::npos ? "" : line.substr(value_start);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    response.headers.emplace_back(line.substr(0, colon), std::move(value));
  }
  return response.status > 0;
}

bool read_body(SocketStream& stream, HttpResponse& response) {
  if (iequals(response.header("transfer-encoding"), "chunked")) {
    return read_chunked_body(stream, response.body);
  }
  const auto length = response.header("content-length");
  if (!length.empty()) return stream.read_exact(std::strtoull(length.c_str(), nullptr, 10), response.body);
  stream.read_to_end(response.body);
  return true;
}

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
  for (const auto& [field_name, value] : headers) {
    if (iequals(field_name, name)) return value;
  }
  return {};
}

HttpClient::HttpClient(std::string host, std::string port) : m_host(std::move(host)), m_port(std::move(port)) {}

std::optional<HttpClient> HttpClient::from_host_port(std::string_view host_port) {
  const auto colon = host_port.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == host_port.size()) return std::nullopt;
  auto host = host_port.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  return HttpClient(std::string(host), std::string(host_port.substr(colon + 1)));
}

HttpResult HttpClient::get(std::string_view target) { return request("GET", target, {}, {}); }

HttpResult HttpClient::post(std::string_view target, std::string_view body, const Fields& headers) {
  return request("POST", target, headers, body);
}

HttpResult HttpClient::request(std::string_view method, std::string_view target, const Fields& headers,
                               std::string_view body) {
  HttpResult result;
  const int fd = connect_to(m_host, m_port, result.error);
  if (fd < 0) return result;
  SocketStream stream(fd);
  std::string head = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: " + m_host + ":" + m_port +
                     "\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) head += name + ": " + value + "\r\n";
  if (method != "GET") head += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  head += "\r\n";
  if (!stream.write_all(head) || !stream.write_all(body)) {
    result.error = "cannot send " + std::string(method) + " " + std::string(target);
    return result;
  }
  HttpResponse response;
  if (!read_head(stream, response) || !read_body(stream, response)) {
    result.error = "bad or truncated HTTP response to " + std::string(method) + " " + std::string(target);
    return result;
  }
  result.response = std::move(response);
  return result;
}

}  // namespace sls::runtime

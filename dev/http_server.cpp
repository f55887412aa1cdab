// Each connection: read the head (up to the blank line), parse it, read exactly Content-Length
// bytes of body (or decode a chunked one), call the handler, write the answer, close. Every read
// waits at most read_timeout, so a stalled client holds a thread for a bounded time only.
#include "dev/http_server.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

namespace sls::dev {
namespace {

// Why a request was refused: the status to answer and a line for the body.
struct Refusal {
  int status;
  std::string message;
};

bool send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Reads what the socket has into `buffer`; false on end of stream, error or timeout.
bool receive_more(int fd, std::string& buffer, std::chrono::milliseconds timeout) {
  pollfd waiting{fd, POLLIN, 0};
  int ready;
  while ((ready = ::poll(&waiting, 1, static_cast<int>(timeout.count()))) < 0 && errno == EINTR) {
  }
  if (ready <= 0) return false;
  char chunk[16384];
  ssize_t n;
  while ((n = ::recv(fd, chunk, sizeof chunk, 0)) < 0 && errno == EINTR) {
  }
  if (n <= 0) return false;
  buffer.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::optional<Refusal> parse_request_line(std::string_view line, HttpRequest& request) {
  auto first_space = line.find(' '), last_space = line.rfind(' ');
  if (first_space == std::string_view::npos || first_space == last_space ||
      !line.substr(last_space + 1).starts_with("HTTP/1."))
    return Refusal{400, "malformed request line"};
  request.method = std::string(line.substr(0, first_space));
  request.target = std::string(line.substr(first_space + 1, last_space - first_space - 1));
  if (request.target.empty() || request.target[0] != '/') return Refusal{400, "the request target must start with /"};
  return std::nullopt;
}

std::optional<Refusal> parse_head(std::string_view head, HttpRequest& request) {
  std::size_t line_end = head.find("\r\n");
  if (auto refused = parse_request_line(head.substr(0, line_end), request)) return refused;
  while (line_end != std::string_view::npos && line_end + 2 < head.size()) {
    std::size_t start = line_end + 2;
    line_end = head.find("\r\n", start);
    std::string_view line =
        head.substr(start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start);
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return Refusal{400, "malformed header line"};
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    request.headers.emplace_back(lower_case(std::string(line.substr(0, colon))), std::string(value));
  }
  return std::nullopt;
}

class RequestReader {
public:
  RequestReader(int fd, const HttpServerLimits& limits) : m_fd(fd), m_limits(limits) {}

  std::optional<Refusal> read(HttpRequest& request) {
    std::size_t head_end;
    while ((head_end = m_buffer.find("\r\n\r\n")) == std::string::npos) {
      if (m_buffer.size() > m_limits.max_head_bytes) return Refusal{431, "the request head is too large"};
      if (!more()) return Refusal{400, "the request ended before its head did"};
    }
    if (head_end > m_limits.max_head_bytes) return Refusal{431, "the request head is too large"};
    if (auto refused = parse_head(std::string_view(m_buffer).substr(0, head_end + 2), request)) return refused;
    m_buffer.erase(0, head_end + 4);
    if (lower_case(request.header("transfer-encoding")).find("chunked") != std::string::npos)
      return read_chunked(request.body);
    return read_sized(request);
  }

private:
  bool more() { return receive_more(m_fd, m_buffer, m_limits.read_timeout); }

  std::optional<Refusal> read_sized(HttpRequest& request) {
    std::string length_text = request.header("content-length");
    if (length_text.empty()) return std::nullopt;
    char* end = nullptr;
    unsigned long long length = std::strtoull(length_text.c_str(), &end, 10);
    if (*end != '\0' || length_text[0] == '-') return Refusal{400, "content-length is not a number"};
    if (length > m_limits.max_body_bytes) return too_large();
    while (m_buffer.size() < length)
      if (!more()) return Refusal{400, "the request ended before its body did"};
    request.body = m_buffer.substr(0, length);
    return std::nullopt;
  }

  // RFC 9112 §7.1: size line in hex (extensions ignored), data, CRLF; a zero size ends it.
  std::optional<Refusal> read_chunked(std::string& body) {
    for (;;) {
      std::size_t line_end;
      while ((line_end = m_buffer.find("\r\n")) == std::string::npos)
        if (m_buffer.size() > 1024 || !more()) return Refusal{400, "malformed chunked body"};
      std::size_t size = std::strtoul(m_buffer.c_str(), nullptr, 16);
      if (body.size() + size > m_limits.max_body_bytes) return too_large();
      while (m_buffer.size() < line_end + 2 + size + 2)
        if (!more()) return Refusal{400, "the request ended inside a chunk"};
      body.append(m_buffer, line_end + 2, size);
      m_buffer.erase(0, line_end + 2 + size + 2);
      if (size == 0) return std::nullopt;  // trailers, if any, are ignored
    }
  }

  Refusal too_large() const {
    return {413, "the request body is larger than " + std::to_string(m_limits.max_body_bytes) + " bytes"};
  }

  int m_fd;
  const HttpServerLimits& m_limits;
  std::string m_buffer;
};

// A listening socket on the first address of `host` that binds.
Expected<int> open_listener(const std::string& host, std::uint16_t port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  std::string service = std::to_string(port);
  if (int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0)
    return make_error("cannot resolve " + host + ": " + ::gai_strerror(rc));
  std::string failure = "no address";
  int fd = -1;
  for (addrinfo* a = found; a != nullptr && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    int yes = 1;
    if (fd >= 0) ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (fd >= 0 && (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 128) != 0)) {
      failure = std::strerror(errno);
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  if (fd < 0) return make_error("cannot listen on " + host + ":" + service + ": " + failure);
  return fd;
}

std::uint16_t bound_port(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
  return ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
}

std::string peer_address(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  char host[NI_MAXHOST] = "";
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    ::getnameinfo(reinterpret_cast<sockaddr*>(&address), length, host, sizeof host, nullptr, 0, NI_NUMERICHOST);
  return host;
}

}  // namespace

Expected<std::unique_ptr<HttpServer>> HttpServer::listen(const std::string& host, std::uint16_t port,
                                                         HttpHandler handler, HttpServerLimits limits) {
  auto fd = open_listener(host, port);
  if (!fd) return fd.error();
  return std::unique_ptr<HttpServer>(new HttpServer(*fd, bound_port(*fd), std::move(handler), limits));
}

HttpServer::HttpServer(int listen_fd, std::uint16_t port, HttpHandler handler, HttpServerLimits limits)
    : m_listen_fd(listen_fd), m_port(port), m_handler(std::move(handler)), m_limits(limits) {
  m_accept_thread = std::thread([this] { accept_loop(); });
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::stop() {
  if (m_stopping.exchange(true)) return;
  if (m_accept_thread.joinable()) m_accept_thread.join();
  ::close(m_listen_fd);
  std::list<Connection> connections;
  {
    std::lock_guard lock(m_mutex);
    for (Connection& connection : m_connections)
      if (connection.fd >= 0) ::shutdown(connection.fd, SHUT_RDWR);
    connections.splice(connections.end(), m_connections);
  }
  for (Connection& connection : connections) connection.thread.join();
}

void HttpServer::accept_loop() {
  while (!m_stopping) {
    pollfd waiting{m_listen_fd, POLLIN, 0};
    if (::poll(&waiting, 1, 100) <= 0) continue;  // a short poll, so stop() is noticed promptly
    int fd = ::accept4(m_listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::lock_guard lock(m_mutex);
    join_finished_connections();
    Connection& connection = m_connections.emplace_back();
    connection.fd = fd;
    connection.thread = std::thread([this, &connection] { serve(connection); });
  }
}

// Called with m_mutex held: a long-running server must not keep one thread object per request.
void HttpServer::join_finished_connections() {
  for (auto it = m_connections.begin(); it != m_connections.end();) {
    if (!it->done) {
      ++it;
      continue;
    }
    it->thread.join();
    it = m_connections.erase(it);
  }
}

void HttpServer::serve(Connection& connection) {
  HttpRequest request;
  request.remote_address = peer_address(connection.fd);
  RequestReader reader(connection.fd, m_limits);
  HttpResponse response;
  if (auto refused = reader.read(request))
    response = HttpResponse::text(refused->status, refused->message + "\n");
  else
    response = m_handler(request);
  send_all(connection.fd, serialize_response(response, request.method == "HEAD"));
  ::shutdown(connection.fd, SHUT_WR);
  // Closed under the lock: stop() must never shut down a descriptor number already reused.
  std::lock_guard lock(m_mutex);
  ::close(connection.fd);
  connection.fd = -1;
  connection.done = true;
}

}  // namespace sls::dev

// The fake Runtime API: one accept thread, one thread per connection, all state behind one mutex.
// A connection may carry several requests (keep-alive) or one ("Connection: close"); request
// bodies are framed by Content-Length, which is what Lambda runtime clients send.
#include "lambda_runtime_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace sls::test {

namespace {
constexpr std::string_view k_prefix = "/2018-06-01/runtime/";

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return text;
}

std::string http_response(int status, const std::string& reason, const std::string& extra_headers,
                          const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n" + extra_headers +
         "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

bool send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Appends what the socket has to `buffer`; false at end of stream or error.
bool receive_more(int fd, std::string& buffer) {
  char chunk[8192];
  for (;;) {
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
    return true;
  }
}
}  // namespace

struct LambdaRuntimeServer::HttpRequest {
  std::string method;
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  std::string header(const std::string& name) const {
    for (const auto& [key, value] : headers) {
      if (key == name) return value;
    }
    return {};
  }
};

namespace {
// Parses the head in buffer[0, head_end); false when it is not an HTTP/1.x request.
template <typename Request>
bool parse_head(const std::string& head, Request& request) {
  std::size_t line_end = head.find("\r\n");
  const std::string first = head.substr(0, line_end);
  const auto sp1 = first.find(' ');
  const auto sp2 = first.rfind(' ');
  if (sp1 == std::string::npos || sp2 == sp1 || !first.substr(sp2 + 1).starts_with("HTTP/1.")) return false;
  request.method = first.substr(0, sp1);
  request.target = first.substr(sp1 + 1, sp2 - sp1 - 1);
  while (line_end != std::string::npos && line_end + 2 < head.size()) {
    const auto start = line_end + 2;
    line_end = head.find("\r\n", start);
    const auto line = head.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
    const auto colon = line.find(':');
    if (colon == std::string::npos) return false;
    const auto value_start = line.find_first_not_of(' ', colon + 1);
    request.headers.emplace_back(lower(line.substr(0, colon)),
                                 value_start == std::string::npos ? "" : line.substr(value_start));
  }
  return true;
}
}  // namespace

LambdaRuntimeServer::LambdaRuntimeServer() {
  m_listen_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // loopback only, never a public interface
  address.sin_port = 0;                              // ephemeral: parallel tests never collide
  socklen_t length = sizeof address;
  if (m_listen_fd < 0 || ::bind(m_listen_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(m_listen_fd, 16) != 0 ||
      ::getsockname(m_listen_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (m_listen_fd >= 0) ::close(m_listen_fd);
    throw std::runtime_error("fake Lambda Runtime API cannot listen on 127.0.0.1");
  }
  m_port = ntohs(address.sin_port);
  m_accept_thread = std::thread([this] { accept_loop(); });
}

LambdaRuntimeServer::~LambdaRuntimeServer() { stop(); }

std::string LambdaRuntimeServer::address() const { return "127.0.0.1:" + std::to_string(m_port); }

std::string LambdaRuntimeServer::enqueue(std::string event_json,
                                         std::optional<std::chrono::system_clock::time_point> deadline) {
  QueuedEvent event;
  event.event_json = std::move(event_json);
  event.deadline = deadline;
  return enqueue(std::move(event));
}

std::string LambdaRuntimeServer::enqueue(QueuedEvent event) {
  std::lock_guard lock(m_mutex);
  std::string id = "request-" + std::to_string(m_next_id++);
  m_issued_ids.push_back(id);
  m_queue.push_back({id, std::move(event)});
  m_changed.notify_all();
  return id;
}

template <typename Predicate>
bool LambdaRuntimeServer::wait_until(std::chrono::milliseconds timeout, Predicate done) const {
  std::unique_lock lock(m_mutex);
  return m_changed.wait_for(lock, timeout, done);
}

bool LambdaRuntimeServer::wait_for_results(std::size_t count, std::chrono::milliseconds timeout) {
  return wait_until(timeout, [&] { return m_results.size() >= count; });
}

bool LambdaRuntimeServer::wait_for_init_errors(std::size_t count, std::chrono::milliseconds timeout) {
  return wait_until(timeout, [&] { return m_init_errors.size() >= count; });
}

std::vector<InvocationResult> LambdaRuntimeServer::results() const {
  std::lock_guard lock(m_mutex);
  return m_results;
}

std::optional<InvocationResult> LambdaRuntimeServer::result_for(const std::string& request_id) const {
  std::lock_guard lock(m_mutex);
  for (const auto& result : m_results) {
    if (result.request_id == request_id) return result;
  }
  return std::nullopt;
}

std::vector<InitError> LambdaRuntimeServer::init_errors() const {
  std::lock_guard lock(m_mutex);
  return m_init_errors;
}

std::size_t LambdaRuntimeServer::delivered() const {
  std::lock_guard lock(m_mutex);
  return m_delivered;
}

void LambdaRuntimeServer::stop() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(m_mutex);
    if (m_stopping) return;
    m_stopping = true;
    for (int fd : m_client_fds) ::shutdown(fd, SHUT_RDWR);  // unblocks their recv()
    m_changed.notify_all();                                 // unblocks every /next
  }
  if (m_accept_thread.joinable()) m_accept_thread.join();
  {
    std::lock_guard lock(m_mutex);
    threads.swap(m_connection_threads);
  }
  for (auto& thread : threads) thread.join();
  ::close(m_listen_fd);
}

void LambdaRuntimeServer::accept_loop() {
  for (;;) {
    {
      std::lock_guard lock(m_mutex);
      if (m_stopping) return;
    }
    pollfd waiting{m_listen_fd, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) continue;  // short poll so stop() is noticed promptly
    const int fd = ::accept4(m_listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::lock_guard lock(m_mutex);
    if (m_stopping) {
      ::close(fd);
      return;
    }
    m_client_fds.push_back(fd);
    m_connection_threads.emplace_back([this, fd] { serve_connection(fd); });
  }
}

void LambdaRuntimeServer::serve_connection(int fd) {
  std::string buffer;
  for (bool open = true; open;) {
    std::size_t head_end;
    while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
      if (!receive_more(fd, buffer)) open = false;
      if (!open) break;
    }
    HttpRequest request;
    if (!open || !parse_head(buffer.substr(0, head_end), request)) break;
    const std::size_t length = std::strtoull(request.header("content-length").c_str(), nullptr, 10);
    buffer.erase(0, head_end + 4);
    while (buffer.size() < length && receive_more(fd, buffer)) {
    }
    if (buffer.size() < length) break;
    request.body = buffer.substr(0, length);
    buffer.erase(0, length);
    const std::string reply = handle(request);
    if (reply.empty() || !send_all(fd, reply)) break;  // empty: stopping while in /next
    open = lower(request.header("connection")) != "close";
  }
  std::lock_guard lock(m_mutex);
  std::erase(m_client_fds, fd);
  ::close(fd);
}

std::string LambdaRuntimeServer::handle(const HttpRequest& request) {
  const std::string& target = request.target;
  if (!target.starts_with(k_prefix)) return http_response(404, "Not Found", "", R"({"errorType":"NotFound"})");
  const std::string route = target.substr(k_prefix.size());
  if (request.method == "GET" && route == "invocation/next") return handle_next();
  if (request.method == "POST" && route == "init/error") {
    std::lock_guard lock(m_mutex);
    m_init_errors.push_back({request.body, request.header("lambda-runtime-function-error-type")});
    m_changed.notify_all();
    return http_response(202, "Accepted", "", R"({"status":"OK"})");
  }
  constexpr std::string_view k_invocation = "invocation/";
  const auto last_slash = route.rfind('/');
  if (request.method == "POST" && route.starts_with(k_invocation) && last_slash > k_invocation.size()) {
    const auto id = route.substr(k_invocation.size(), last_slash - k_invocation.size());
    const auto action = route.substr(last_slash + 1);
    if (action == "response") return record_result(id, ResultKind::response, request);
    if (action == "error") return record_result(id, ResultKind::error, request);
  }
  return http_response(404, "Not Found", "", R"({"errorType":"NotFound"})");
}

std::string LambdaRuntimeServer::handle_next() {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [&] { return m_stopping || !m_queue.empty(); });  // stop() always ends it
  if (m_stopping) return {};
  Pending pending = std::move(m_queue.front());
  m_queue.pop_front();
  ++m_delivered;
  const auto deadline = pending.event.deadline.value_or(std::chrono::system_clock::now() + std::chrono::minutes(1));
  const auto deadline_ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline.time_since_epoch()).count();
  std::string headers = "Lambda-Runtime-Aws-Request-Id: " + pending.request_id +
                        "\r\nLambda-Runtime-Deadline-Ms: " + std::to_string(deadline_ms) +
                        "\r\nLambda-Runtime-Invoked-Function-Arn: " + pending.event.function_arn + "\r\n";
  if (!pending.event.trace_id.empty()) headers += "Lambda-Runtime-Trace-Id: " + pending.event.trace_id + "\r\n";
  return http_response(200, "OK", headers, pending.event.event_json);
}

std::string LambdaRuntimeServer::record_result(const std::string& request_id, ResultKind kind,
                                               const HttpRequest& request) {
  std::lock_guard lock(m_mutex);
  if (std::find(m_issued_ids.begin(), m_issued_ids.end(), request_id) == m_issued_ids.end()) {
    return http_response(400, "Bad Request", "", R"({"errorType":"InvalidRequestID"})");
  }
  m_results.push_back({request_id, kind, request.body,
                       kind == ResultKind::error ? request.header("lambda-runtime-function-error-type") : ""});
  m_changed.notify_all();
  return http_response(202, "Accepted", "", R"({"status":"OK"})");
}

}  // namespace sls::test

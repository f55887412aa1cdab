#pragma once
// A small HTTP/1.1 server on POSIX sockets, for `sls dev` and for the Runtime API it serves its
// functions: one thread per connection, one request per connection (every answer says
// `connection: close`), bounded head and body sizes, and a plain 400/411/413/431 for input it
// will not take. Handlers may block (the Runtime API's /next does, until there is an event).

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/expected.hpp"
#include "dev/http_message.hpp"

namespace sls::dev {

struct HttpServerLimits {
  std::size_t max_head_bytes = 64 * 1024;
  std::size_t max_body_bytes = 6 * 1024 * 1024;    // Lambda's synchronous payload limit
  std::chrono::milliseconds read_timeout{30'000};  // a client that stops sending mid-request
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

class HttpServer {
public:
  // Listens on `host` ("127.0.0.1", "::1", "0.0.0.0", "localhost") and `port` (0: a free one).
  static Expected<std::unique_ptr<HttpServer>> listen(const std::string& host, std::uint16_t port, HttpHandler handler,
                                                      HttpServerLimits limits = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  std::uint16_t port() const noexcept { return m_port; }

  // Closes the listener, shuts every open connection down and joins their threads. A handler
  // still blocked must be woken by its owner first. Idempotent.
  void stop();

private:
  struct Connection {
    int fd = -1;
    std::thread thread;
    std::atomic<bool> done{false};
  };

  HttpServer(int listen_fd, std::uint16_t port, HttpHandler handler, HttpServerLimits limits);
  void accept_loop();
  void serve(Connection& connection);
  void join_finished_connections();

  int m_listen_fd = -1;
  std::uint16_t m_port = 0;
  HttpHandler m_handler;
  HttpServerLimits m_limits;
  std::atomic<bool> m_stopping{false};
  std::mutex m_mutex;
  std::list<Connection> m_connections;  // a list: each thread holds a reference to its entry
  std::thread m_accept_thread;
};

}  // namespace sls::dev

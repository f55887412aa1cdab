// A fake AWS Lambda Runtime API (2018-06-01) for tests, written from the documented protocol.
//
// It listens on 127.0.0.1 with an ephemeral port. Tests queue events; a bootstrap under test
// pulls them with GET /runtime/invocation/next (which blocks until an event is queued or the
// server stops) and the server records every /response, /error and /init/error it receives.
// Every wait a test can make is bounded by a timeout.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace sls::test {

struct QueuedEvent {
  std::string event_json;
  std::optional<std::chrono::system_clock::time_point> deadline;  // none: one minute from /next
  std::string trace_id;                                           // empty: header not sent
  std::string function_arn = "arn:aws:lambda:us-east-1:000000000000:function:test";
};

enum class ResultKind { response, error };

struct InvocationResult {
  std::string request_id;
  ResultKind kind = ResultKind::response;
  std::string body;
  std::string error_type;  // the Lambda-Runtime-Function-Error-Type header (errors only)
};

struct InitError {
  std::string body;
  std::string error_type;
};

class LambdaRuntimeServer {
public:
  // Throws std::runtime_error when it cannot listen.
  LambdaRuntimeServer();
  ~LambdaRuntimeServer();
  LambdaRuntimeServer(const LambdaRuntimeServer&) = delete;
  LambdaRuntimeServer& operator=(const LambdaRuntimeServer&) = delete;

  std::uint16_t port() const noexcept { return m_port; }
  // The value for AWS_LAMBDA_RUNTIME_API.
  std::string address() const;

  // Queues an event and returns the request id it will be delivered with.
  std::string enqueue(std::string event_json,
                      std::optional<std::chrono::system_clock::time_point> deadline = std::nullopt);
  std::string enqueue(QueuedEvent event);

  // True once at least `count` results (responses + errors) have arrived.
  bool wait_for_results(std::size_t count, std::chrono::milliseconds timeout);
  bool wait_for_init_errors(std::size_t count, std::chrono::milliseconds timeout);

  std::vector<InvocationResult> results() const;
  std::optional<InvocationResult> result_for(const std::string& request_id) const;
  std::vector<InitError> init_errors() const;
  // How many /next calls were answered with an event.
  std::size_t delivered() const;

  // Wakes every blocked /next (their connections are closed) and joins the threads. Idempotent.
  void stop();

private:
  struct Pending {
    std::string request_id;
    QueuedEvent event;
  };
  struct HttpRequest;

  void accept_loop();
  void serve_connection(int fd);
  std::string handle(const HttpRequest& request);
  std::string handle_next();
  std::string record_result(const std::string& request_id, ResultKind kind, const HttpRequest& request);
  template <typename Predicate>
  bool wait_until(std::chrono::milliseconds timeout, Predicate done) const;

  int m_listen_fd = -1;
  std::uint16_t m_port = 0;
  mutable std::mutex m_mutex;
  mutable std::condition_variable m_changed;
  bool m_stopping = false;
  std::size_t m_next_id = 1;
  std::size_t m_delivered = 0;
  std::deque<Pending> m_queue;
  std::vector<std::string> m_issued_ids;
  std::vector<InvocationResult> m_results;
  std::vector<InitError> m_init_errors;
  std::vector<int> m_client_fds;
  std::vector<std::thread> m_connection_threads;
  std::thread m_accept_thread;
};

}  // namespace sls::test

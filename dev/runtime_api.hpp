#pragma once
// The Lambda Runtime API (2018-06-01) that one native instance talks to, served on 127.0.0.1 by
// `sls dev` itself: GET /runtime/invocation/next hands out the queued events (with the
// Lambda-Runtime-* headers), POST …/{id}/response and …/{id}/error complete them, POST
// /runtime/init/error reports a failed start.
//
// It is also where the instance is frozen and thawed, as the platform does: a runtime that asks
// for the next event while no event is queued and none is in flight has nothing left to do, so
// the freeze hook runs (sls dev stops the process group); the thaw hook runs when the next event
// is queued, before it is handed out.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/expected.hpp"
#include "dev/http_server.hpp"

namespace sls::dev {

struct InvocationOutcome {
  enum class Kind {
    Response,       // the function answered: `body` is its response payload
    FunctionError,  // POST …/error: `body` is the error report, `error_type` its type
    InitError,      // POST /runtime/init/error, or the instance could not be started
    Exited,         // the process ended while the invocation was queued or in flight
    TimedOut,       // it ran longer than max_duration (set by the caller that waited)
  };
  Kind kind = Kind::Response;
  std::string body;
  std::string error_type;
};

struct RuntimeApiHooks {
  std::function<void()> freeze;  // called with no invocation in flight; may be empty
  std::function<void()> thaw;    // called before an event is handed to a frozen instance
};

class RuntimeApi {
public:
  static Expected<std::unique_ptr<RuntimeApi>> start(std::string function_arn, RuntimeApiHooks hooks);
  ~RuntimeApi();
  RuntimeApi(const RuntimeApi&) = delete;
  RuntimeApi& operator=(const RuntimeApi&) = delete;

  // The value for AWS_LAMBDA_RUNTIME_API.
  std::string address() const;

  // Queues an event; the future is set when the function answers or fails.
  std::future<InvocationOutcome> submit(std::string event_json, std::chrono::system_clock::time_point deadline);

  // Ends every queued and in-flight invocation with `outcome` (the process died, or was killed).
  void fail_all(const InvocationOutcome& outcome);

  // Wakes every waiting /next and stops serving. Idempotent.
  void stop();

private:
  struct Pending {
    std::string request_id;
    std::string event_json;
    std::chrono::system_clock::time_point deadline;
    std::promise<InvocationOutcome> promise;
  };

  RuntimeApi(std::string function_arn, RuntimeApiHooks hooks);
  HttpResponse handle(const HttpRequest& request);
  HttpResponse next();
  HttpResponse complete(const std::string& request_id, InvocationOutcome outcome);
  HttpResponse init_error(const HttpRequest& request);

  std::string m_function_arn;
  RuntimeApiHooks m_hooks;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<Pending> m_queue;
  std::map<std::string, std::promise<InvocationOutcome>> m_in_flight;  // by request id
  std::optional<InvocationOutcome> m_init_failure;                     // after /init/error, every event fails with it
  bool m_frozen = false;
  bool m_stopping = false;
  std::unique_ptr<HttpServer> m_server;
};

// A fresh request id in the platform's form (a random UUID).
std::string new_request_id();

}  // namespace sls::dev

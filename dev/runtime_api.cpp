#include "dev/runtime_api.hpp"

#include <cstdio>
#include <random>

namespace sls::dev {
namespace {

constexpr std::string_view k_prefix = "/2018-06-01/runtime/";

HttpResponse json_answer(int status, std::string body) {
  return {status, {{"content-type", "application/json"}}, std::move(body)};
}

HttpResponse accepted() { return json_answer(202, R"({"status":"OK"})"); }

std::string random_hex(std::size_t digits) {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  std::string out;
  while (out.size() < digits) {
    char chunk[17];
    std::snprintf(chunk, sizeof chunk, "%016llx", static_cast<unsigned long long>(generator()));
    out += chunk;
  }
  return out.substr(0, digits);
}

// X-Ray's form: Root=1-<epoch seconds in hex>-<96 random bits>.
std::string new_trace_id() {
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  char epoch[9];
  std::snprintf(epoch, sizeof epoch, "%08llx", static_cast<unsigned long long>(seconds.count()));
  return "Root=1-" + std::string(epoch) + "-" + random_hex(24) + ";Sampled=0";
}

}  // namespace

std::string new_request_id() {
  std::string hex = random_hex(32);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-4" + hex.substr(13, 3) + "-a" + hex.substr(17, 3) + "-" +
         hex.substr(20, 12);
}

Expected<std::unique_ptr<RuntimeApi>> RuntimeApi::start(std::string function_arn, RuntimeApiHooks hooks) {
  std::unique_ptr<RuntimeApi> api(new RuntimeApi(std::move(function_arn), std::move(hooks)));
  auto server = HttpServer::listen("127.0.0.1", 0,
                                   [raw = api.get()](const HttpRequest& request) { return raw->handle(request); });
  if (!server) return server.error();
  api->m_server = std::move(*server);
  return api;
}

RuntimeApi::RuntimeApi(std::string function_arn, RuntimeApiHooks hooks)
    : m_function_arn(std::move(function_arn)), m_hooks(std::move(hooks)) {}

RuntimeApi::~RuntimeApi() { stop(); }

std::string RuntimeApi::address() const { return "127.0.0.1:" + std::to_string(m_server->port()); }

std::future<InvocationOutcome> RuntimeApi::submit(std::string event_json,
                                                  std::chrono::system_clock::time_point deadline) {
  std::lock_guard lock(m_mutex);
  if (m_init_failure) {
    std::promise<InvocationOutcome> failed;
    failed.set_value(*m_init_failure);
    return failed.get_future();
  }
  Pending& pending = m_queue.emplace_back(Pending{new_request_id(), std::move(event_json), deadline, {}});
  std::future<InvocationOutcome> future = pending.promise.get_future();
  if (m_frozen) {
    m_frozen = false;
    if (m_hooks.thaw) m_hooks.thaw();
  }
  m_changed.notify_all();
  return future;
}

void RuntimeApi::fail_all(const InvocationOutcome& outcome) {
  std::lock_guard lock(m_mutex);
  for (Pending& pending : m_queue) pending.promise.set_value(outcome);
  for (auto& [id, promise] : m_in_flight) promise.set_value(outcome);
  m_queue.clear();
  m_in_flight.clear();
}

void RuntimeApi::stop() {
  {
    std::lock_guard lock(m_mutex);
    if (m_stopping) return;
    m_stopping = true;
    m_changed.notify_all();
  }
  if (m_server) m_server->stop();
  fail_all({InvocationOutcome::Kind::Exited, "", "the instance was stopped"});
}

HttpResponse RuntimeApi::handle(const HttpRequest& request) {
  std::string target = request.path();
  if (!target.starts_with(k_prefix)) return json_answer(404, R"({"errorType":"NotFound"})");
  std::string route = target.substr(k_prefix.size());
  if (request.method == "GET" && route == "invocation/next") return next();
  if (request.method == "POST" && route == "init/error") return init_error(request);
  constexpr std::string_view k_invocation = "invocation/";
  auto last_slash = route.rfind('/');
  if (request.method == "POST" && route.starts_with(k_invocation) && last_slash > k_invocation.size()) {
    std::string id = route.substr(k_invocation.size(), last_slash - k_invocation.size());
    std::string action = route.substr(last_slash + 1);
    if (action == "response") return complete(id, {InvocationOutcome::Kind::Response, request.body, ""});
    if (action == "error")
      return complete(id, {InvocationOutcome::Kind::FunctionError, request.body,
                           request.header("lambda-runtime-function-error-type")});
  }
  return json_answer(404, R"({"errorType":"NotFound"})");
}

HttpResponse RuntimeApi::next() {
  std::unique_lock lock(m_mutex);
  if (m_queue.empty() && m_in_flight.empty() && !m_frozen && !m_stopping) {
    m_frozen = true;  // nothing to do: the platform freezes the environment here
    if (m_hooks.freeze) m_hooks.freeze();
  }
  m_changed.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
  if (m_stopping) return json_answer(503, R"({"errorType":"ServiceStopping"})");
  Pending pending = std::move(m_queue.front());
  m_queue.pop_front();
  auto deadline_ms = std::chrono::duration_cast<std::chrono::milliseconds>(pending.deadline.time_since_epoch()).count();
  HttpResponse response = json_answer(200, std::move(pending.event_json));
  response.headers.emplace_back("lambda-runtime-aws-request-id", pending.request_id);
  response.headers.emplace_back("lambda-runtime-deadline-ms", std::to_string(deadline_ms));
  response.headers.emplace_back("lambda-runtime-invoked-function-arn", m_function_arn);
  response.headers.emplace_back("lambda-runtime-trace-id", new_trace_id());
  m_in_flight.emplace(pending.request_id, std::move(pending.promise));
  return response;
}

HttpResponse RuntimeApi::complete(const std::string& request_id, InvocationOutcome outcome) {
  std::lock_guard lock(m_mutex);
  auto found = m_in_flight.find(request_id);
  if (found == m_in_flight.end()) return json_answer(400, R"({"errorType":"InvalidRequestID"})");
  found->second.set_value(std::move(outcome));
  m_in_flight.erase(found);
  return accepted();
}

HttpResponse RuntimeApi::init_error(const HttpRequest& request) {
  std::string type = request.header("lambda-runtime-function-error-type");
  InvocationOutcome failure{InvocationOutcome::Kind::InitError, request.body,
                            type.empty() ? "Runtime.InitError" : type};
  {
    std::lock_guard lock(m_mutex);
    m_init_failure = failure;
  }
  fail_all(failure);
  return accepted();
}

}  // namespace sls::dev

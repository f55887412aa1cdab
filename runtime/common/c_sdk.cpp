// The C SDK (<sls/function.h>) over the C++ request, response and context, so a C function is
// served by exactly the same glue as a C++ one and answers the same. The opaque structs wrap the
// C++ objects of one invocation; strings handed to C live in the request until the handler
// returns (a deque never moves what it holds).
#include "c_sdk.hpp"

#include <cstdarg>
#include <cstdio>
#include <deque>
#if !defined(__wasi__)  // wasm32-wasi has no threads, and its libc++ no <mutex>
#include <mutex>
#endif
#include <string>

#include <sls/function.h>
#include <sls/function.hpp>

struct sls_request {
  const sls::Request& request;
  std::deque<std::string> strings;  // values returned to C

  const char* keep(std::string value) { return strings.emplace_back(std::move(value)).c_str(); }
};

struct sls_context {
  sls::Context& context;
};

struct sls_response {
  sls::Response response;
};

namespace {

const char* or_empty(const char* text) { return text != nullptr ? text : ""; }

}  // namespace

extern "C" {

const char* sls_request_method(const sls_request* req) { return req->request.method().c_str(); }
const char* sls_request_path(const sls_request* req) { return req->request.path().c_str(); }

const char* sls_request_query(const sls_request* req, const char* name) {
  return const_cast<sls_request*>(req)->keep(req->request.query(or_empty(name)));
}

const char* sls_request_header(const sls_request* req, const char* name) {
  return const_cast<sls_request*>(req)->keep(req->request.header(or_empty(name)));
}

const char* sls_request_param(const sls_request* req, const char* name) {
  return const_cast<sls_request*>(req)->keep(req->request.param(or_empty(name)));
}

const char* sls_request_body(const sls_request* req, size_t* length) {
  if (length != nullptr) *length = req->request.body().size();
  return req->request.body().c_str();
}

size_t sls_request_header_count(const sls_request* req) { return req->request.headers().size(); }

const char* sls_request_header_name(const sls_request* req, size_t i) {
  const sls::Fields& headers = req->request.headers();
  return i < headers.size() ? headers[i].first.c_str() : "";
}

const char* sls_request_header_value(const sls_request* req, size_t i) {
  const sls::Fields& headers = req->request.headers();
  return i < headers.size() ? headers[i].second.c_str() : "";
}

const char* sls_context_request_id(const sls_context* ctx) { return ctx->context.request_id().c_str(); }
const char* sls_context_function_name(const sls_context* ctx) { return ctx->context.function_name().c_str(); }
int64_t sls_context_remaining_ms(const sls_context* ctx) { return ctx->context.remaining_time().count(); }

void sls_response_status(sls_response* res, int status) { res->response.status = status; }

void sls_response_header(sls_response* res, const char* name, const char* value) {
  res->response.set_header(or_empty(name), or_empty(value));
}

void sls_response_add_header(sls_response* res, const char* name, const char* value) {
  res->response.headers.emplace_back(or_empty(name), or_empty(value));
}

void sls_response_body(sls_response* res, const char* data, size_t length) {
  res->response.body.assign(data != nullptr ? data : "", data != nullptr ? length : 0);
}

void sls_response_append(sls_response* res, const char* data, size_t length) {
  if (data != nullptr) res->response.body.append(data, length);
}

int sls_response_printf(sls_response* res, const char* format, ...) {
  va_list args, again;
  va_start(args, format);
  va_copy(again, args);
  int length = std::vsnprintf(nullptr, 0, format, args);
  va_end(args);
  if (length >= 0) {
    std::string& body = res->response.body;
    std::size_t at = body.size();
    body.resize(at + static_cast<std::size_t>(length) + 1);
    std::vsnprintf(body.data() + at, static_cast<std::size_t>(length) + 1, format, again);
    body.pop_back();  // vsnprintf's terminating NUL
  }
  va_end(again);
  return length;
}

void sls_response_text(sls_response* res, int status, const char* text) {
  res->response = sls::Response::text(status, or_empty(text));
}

void sls_response_json(sls_response* res, int status, const char* json) {
  res->response = sls::Response::json(status, or_empty(json));
}

void sls_response_html(sls_response* res, int status, const char* html) {
  res->response = sls::Response::html(status, or_empty(html));
}

const char* sls_asset(const char* project_relative_path) {
  // The process lives as long as its answers may be used; one string per distinct path. Guarded:
  // concurrent workers (AWS_LAMBDA_MAX_CONCURRENCY) call handlers on several threads at once.
  static std::deque<std::string> paths;
  std::string path = sls::asset(or_empty(project_relative_path));
#if !defined(__wasi__)
  static std::mutex paths_mutex;
  std::lock_guard lock(paths_mutex);
#endif
  for (const std::string& known : paths)
    if (known == path) return known.c_str();
  return paths.emplace_back(std::move(path)).c_str();
}

}  // extern "C"

namespace sls::runtime {

Response invoke_c_handler(void (*handler)(const sls_request*, sls_context*, sls_response*), const Request& request,
                          Context& context) {
  sls_request req{request, {}};
  sls_context ctx{context};
  sls_response res;
  handler(&req, &ctx, &res);
  return std::move(res.response);
}

}  // namespace sls::runtime

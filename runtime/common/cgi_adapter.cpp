#include "cgi_adapter.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "exception_info.hpp"
#include "url.hpp"

namespace sls::runtime {

namespace {
std::string env_value(const Fields& env, std::string_view name) { return first_value(env, name); }

std::string cgi_path(const CgiInput& input) {
  for (const char* name : {"PATH_INFO", "X_RAW_PATH_INFO", "SCRIPT_NAME"}) {
    auto value = env_value(input.env, name);
    if (!value.empty()) return value;
  }
  if (!input.argv_path.empty() && input.argv_path.front() == '/') return input.argv_path;
  return "/";
}

// "HTTP_X_FORWARDED_FOR" -> "x-forwarded-for".
std::string header_name_from_cgi(std::string_view cgi_name) {
  std::string out(cgi_name);
  for (char& c : out) {
    if (c == '_')
      c = '-';
    else if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c + 32);
  }
  return out;
}

Fields cgi_headers(const Fields& env) {
  Fields headers;
  for (const auto& [name, value] : env) {
    if (name.starts_with("HTTP_"))
      headers.emplace_back(header_name_from_cgi(name.substr(5)), value);
    else if (name == "CONTENT_TYPE" || name == "CONTENT_LENGTH")
      headers.emplace_back(header_name_from_cgi(name), value);
  }
  std::sort(headers.begin(), headers.end());  // names are unique in an environment
  return headers;
}

Response invoke_guarded(const HandlerBinding& binding, const Request& request, Context& context) {
#if __cpp_exceptions
  try {
    return binding.handler(request, context);
  } catch (...) {
    const auto error = describe_current_exception();
    std::fprintf(stderr, "sls: handler threw %s: %s\n", error.type.c_str(), error.message.c_str());
    return Response::text(500, "internal error: " + error.type + ": " + error.message + "\n");
  }
#else
  return binding.handler(request, context);  // a throw inside the library traps the module
#endif
}
}  // namespace

Request request_from_cgi(const CgiInput& input, const detail::FunctionInfo& info) {
  auto method = env_value(input.env, "REQUEST_METHOD");
  auto path = cgi_path(input);
  auto params = route_params(info, path);
  return Request(method.empty() ? "GET" : method, std::move(path), parse_query(env_value(input.env, "QUERY_STRING")),
                 cgi_headers(input.env), input.body, std::move(params));
}

std::string format_cgi_response(const Response& response) {
  std::string out = "status: " + std::to_string(response.status) + "\n";
  for (const auto& [name, value] : response.headers) out += name + ": " + value + "\n";
  out += "\n";
  out += response.body;
  return out;
}

std::string run_cgi(const CgiInput& input, const HandlerBinding& binding) {
  if (!binding.registered()) return format_cgi_response(Response::text(500, k_missing_handler_message));
  const auto request = request_from_cgi(input, binding.info);
  Context context(
      "", Context::Clock::time_point::max(),
      resolve_function_name(env_value(input.env, "AWS_LAMBDA_FUNCTION_NAME").c_str(), binding.info),
      resolve_region(env_value(input.env, "AWS_REGION").c_str(), env_value(input.env, "AWS_DEFAULT_REGION").c_str()));
  auto response = invoke_guarded(binding, request, context);
  finalize_response(response);
  return format_cgi_response(response);
}

}  // namespace sls::runtime

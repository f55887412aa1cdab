#include "invocation.hpp"

#include "route.hpp"

namespace sls::runtime {

HandlerBinding linked_handler() { return HandlerBinding{&detail::invoke_handler, detail::function_info()}; }

std::string resolve_function_name(const char* env_function_name, const detail::FunctionInfo& info) {
  if (env_function_name != nullptr && *env_function_name != '\0') return env_function_name;
  return info.name != nullptr ? info.name : "";
}

std::string resolve_region(const char* aws_region, const char* aws_default_region) {
  if (aws_region != nullptr && *aws_region != '\0') return aws_region;
  if (aws_default_region != nullptr) return aws_default_region;
  return {};
}

Fields route_params(const detail::FunctionInfo& info, std::string_view path) {
  if (info.route == nullptr || *info.route == '\0') return {};
  auto params = match_route(info.route, path);
  return params ? std::move(*params) : Fields{};
}

void finalize_response(Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (iequals(name, "content-type") || iequals(name, "location")) return;
  }
  response.headers.emplace_back("content-type", "application/octet-stream");
}

}  // namespace sls::runtime

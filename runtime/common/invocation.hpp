// Pieces of one invocation that both adapters (Lambda Runtime API, CGI/WAGI) share, so that the
// same function gives the same response on both targets.
#pragma once

#include <string>
#include <string_view>

#include <sls/function.hpp>

namespace sls::runtime {

using HandlerFn = Response (*)(const Request&, Context&);

// The handler plus what SLS_HANDLER captured. Passed explicitly (not read from the globals) so
// tests can drive an adapter with any handler.
struct HandlerBinding {
  HandlerFn handler = nullptr;
  detail::FunctionInfo info{nullptr, nullptr};

  // False when the function has no SLS_HANDLER (the glue's weak fallback is what got linked).
  bool registered() const noexcept { return handler != nullptr && info.name != nullptr; }
};

// The binding of the function this program was linked with.
HandlerBinding linked_handler();

// The message both adapters report when SLS_HANDLER is missing.
inline constexpr const char* k_missing_handler_message =
    "no handler registered: add SLS_HANDLER(your_function) to one source file of the function";

// AWS_LAMBDA_FUNCTION_NAME when set, else the name sls compiled in.
std::string resolve_function_name(const char* env_function_name, const detail::FunctionInfo& info);
// AWS_REGION, else AWS_DEFAULT_REGION, else empty.
std::string resolve_region(const char* aws_region, const char* aws_default_region);

// Route parameters of `path` under the compiled-in route; empty when there is no route or no match.
Fields route_params(const detail::FunctionInfo& info, std::string_view path);

// Gives a response without content-type a neutral one: WAGI rejects output that has neither
// content-type nor location, and the native target must answer the same.
void finalize_response(Response& response);

}  // namespace sls::runtime

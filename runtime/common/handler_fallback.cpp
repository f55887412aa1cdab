// Weak stand-ins for the two functions SLS_HANDLER defines. A C function's SLS_HANDLER (from
// <sls/function.h>) defines the C pair instead, and these forward to it. A function that forgot
// SLS_HANDLER still links, and the glue reports the mistake the platform's way (an init error on
// Lambda, a 500 on CGI/WAGI) instead of a bare "undefined symbol" from the linker; sls build
// refuses such a function before it links (docs/sdk.md).
#include <sls/function.h>
#include <sls/function.hpp>

#include "c_sdk.hpp"
#include "invocation.hpp"

// Weak references: null unless a C function defines them.
extern "C" __attribute__((weak)) void sls_c_invoke_handler(const sls_request*, sls_context*, sls_response*);
extern "C" __attribute__((weak)) sls_function_info sls_c_function_info(void);

namespace sls::detail {

__attribute__((weak)) Response invoke_handler(const Request& request, Context& context) {
  if (&sls_c_invoke_handler != nullptr) return runtime::invoke_c_handler(&sls_c_invoke_handler, request, context);
  return Response::text(500, runtime::k_missing_handler_message);
}

__attribute__((weak)) FunctionInfo function_info() noexcept {
  if (&sls_c_function_info == nullptr) return {nullptr, nullptr};
  sls_function_info info = sls_c_function_info();
  return {info.name, info.route};
}

}  // namespace sls::detail

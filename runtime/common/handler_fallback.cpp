// Weak stand-ins for the two functions SLS_HANDLER defines. A function that forgot SLS_HANDLER
// still links, and the glue reports the mistake the platform's way (an init error on Lambda, a
// 500 on CGI/WAGI) instead of a bare "undefined symbol" from the linker.
#include <sls/function.hpp>

#include "invocation.hpp"

namespace sls::detail {

__attribute__((weak)) Response invoke_handler(const Request&, Context&) {
  return Response::text(500, runtime::k_missing_handler_message);
}

__attribute__((weak)) FunctionInfo function_info() noexcept { return {nullptr, nullptr}; }

}  // namespace sls::detail

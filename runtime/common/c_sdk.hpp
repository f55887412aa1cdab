// The bridge from the glue's C++ handler binding to a C function's handler (c_sdk.cpp).
#pragma once

#include <sls/function.h>
#include <sls/function.hpp>

namespace sls::runtime {

// Runs a C handler (what SLS_HANDLER of <sls/function.h> registers) on a C++ request.
Response invoke_c_handler(void (*handler)(const sls_request*, sls_context*, sls_response*), const Request& request,
                          Context& context);

}  // namespace sls::runtime

// The sls function SDK: include this, write a handler, register it with SLS_HANDLER.
//
//   #include <sls/function.hpp>
//   sls::Response handle(const sls::Request& req, sls::Context& ctx) {
//     return sls::Response::text(200, "hello " + req.query("name"));
//   }
//   SLS_HANDLER(handle)
//
// The same source builds for both targets (native Lambda `bootstrap`, wasm32-wasi WAGI module).
// This header compiles with -fno-exceptions and deliberately avoids <iostream> (about 155 KB of
// wasm). See docs/sdk.md.
// Include guards rather than #pragma once: sls precompiles this header into
// its prelude, and clang only recognises a #pragma once file from a PCH by its
// mtime, so a touched but unchanged header would otherwise be parsed twice.
#ifndef SLS_FUNCTION_HPP
#define SLS_FUNCTION_HPP

#include <sls/asset.hpp>
#include <sls/context.hpp>
#include <sls/fields.hpp>
#include <sls/request.hpp>
#include <sls/response.hpp>

// sls passes SLS_FUNCTION_NAME and SLS_FUNCTION_ROUTE as -D string literals when it compiles a
// function. Without them (editors, hand-written builds) SLS_HANDLER finds these empty constants
// instead. They are variables, not macros, so that a precompiled header made from this file
// (sls precompiles it once for every function) stays valid when each function defines the macros.
#ifndef SLS_FUNCTION_NAME
namespace sls::detail {
inline constexpr char SLS_FUNCTION_NAME[] = "";
}
#endif
#ifndef SLS_FUNCTION_ROUTE
namespace sls::detail {
inline constexpr char SLS_FUNCTION_ROUTE[] = "";
}
#endif

namespace sls::detail {

// What SLS_HANDLER captured from the function's compile flags.
struct FunctionInfo {
  const char* name;   // e.g. "api/users/[id]"
  const char* route;  // e.g. "/api/users/:id"
};

// Both are defined by SLS_HANDLER in the function's translation unit and called by the glue.
Response invoke_handler(const Request& request, Context& context);
FunctionInfo function_info() noexcept;

}  // namespace sls::detail

// Registers `fn` (callable as `sls::Response fn(const sls::Request&, sls::Context&)`) as the
// function's handler. Use once per function, at global scope. The expansion is two plain function
// definitions; the analyzers rely on it (docs/sdk.md spells it out), so keep it that way.
#define SLS_HANDLER(fn)                                                                                 \
  ::sls::Response sls::detail::invoke_handler(const ::sls::Request& request, ::sls::Context& context) { \
    return fn(request, context);                                                                        \
  }                                                                                                     \
  ::sls::detail::FunctionInfo sls::detail::function_info() noexcept { return {SLS_FUNCTION_NAME, SLS_FUNCTION_ROUTE}; }

#endif  // SLS_FUNCTION_HPP

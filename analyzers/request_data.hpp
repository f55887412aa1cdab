#pragma once
// Which values of a translation unit come from the current request: the
// request parameter of a handler (sls::Request, aws invocation_request, the C
// SDK's sls_request), what the SDK hands out about the request (the C SDK's
// sls_request_* and sls_context_request_id, sls::Context::request_id), and
// every local and parameter that receives such a value. Used by
// sls-request-state-in-global through TuModel::is_request_derived.

#include <unordered_set>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class QualType;
class VarDecl;
}  // namespace clang

namespace sls::analyzers {

using RequestVars = std::unordered_set<const clang::VarDecl*>;

// The types of a handler's request parameter.
bool is_request_type(clang::QualType type);

// A call that returns data of the current request (sls_request_query,
// ctx.request_id()…).
bool is_request_source_call(const clang::CallExpr& call);

// True when `expr` mentions a request variable or a request source call.
bool is_request_derived(const clang::Expr& expr, const RequestVars& vars);

// Adds to `vars` (which holds the request parameters) every local and
// parameter that receives request data: initialised or assigned from it,
// written by a call that reads it (snprintf(buf, …, query), s.append(body)),
// bound by a range-for over it, or a parameter of a function of this
// translation unit that some call passes it to. Runs to a fixed point.
void propagate_request_data(clang::ASTContext& ast, RequestVars& vars);

}  // namespace sls::analyzers

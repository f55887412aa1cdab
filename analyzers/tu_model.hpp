#pragma once
// What the rules need to know about a translation unit beyond single AST
// nodes: which code runs at initialisation and which runs per request.
//
// Terminology (docs/design.md §7):
//   init     initialisers of static-storage variables (function-local statics
//            included: they run once per instance) and what they call,
//            __attribute__((constructor)) functions, and the statements of
//            `main` before it hands control to aws::lambda_runtime::run_handler.
//   handler  the function behind SLS_HANDLER (sls::detail::invoke_handler), or
//            the callable passed to run_handler (or, in a translation unit
//            with neither, the first loop of `main`), and every function of this
//            translation unit it calls or names (a named function may run
//            as a thread body or callback).
//   signal   a function the file installs as a signal handler (signal,
//            sigaction's sa_handler/sa_sigaction) or as a timer's
//            SIGEV_THREAD callback, and what it calls: it runs asynchronously,
//            inside whatever invocation is running, so it is neither init
//            nor reached through the code that installs it.
//   unknown  a function reached from none of these; in a file without a handler
//            (a helper file of a multi-file function) that is most code. Rules
//            that look for per-request behaviour treat it as "may be handler";
//            rules about initialisation never do.
// The model is built once per translation unit by one walk of the AST.

#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class CXXMethodDecl;
class DeclRefExpr;
class Expr;
class FunctionDecl;
class LambdaExpr;
class ParmVarDecl;
class Stmt;
class VarDecl;
}  // namespace clang

namespace sls::analyzers {

enum ContextFlags : unsigned {
  k_context_none = 0,
  k_context_init = 1,
  k_context_handler = 2,
  k_context_unknown = 4,
  k_context_signal = 8,
};

class TuModel {
public:
  explicit TuModel(clang::ASTContext& ast);
  TuModel(const TuModel&) = delete;
  TuModel& operator=(const TuModel&) = delete;
  ~TuModel();

  bool has_handler() const { return m_has_handler; }
  clang::ASTContext& ast() const { return m_ast; }

  // Context flags of the code at `stmt` (see the terminology above).
  unsigned context_of(const clang::Stmt& stmt) const;
  unsigned context_of_function(const clang::FunctionDecl& function) const;
  bool may_be_handler(const clang::Stmt& stmt) const;
  bool is_init(const clang::Stmt& stmt) const;

  // The function (or lambda call operator) whose body holds `stmt`; null in
  // a global initialiser.
  const clang::FunctionDecl* enclosing_function(const clang::Stmt& stmt) const;
  // The body to search for companions of `stmt` (a disarm, a join, a wait):
  // the enclosing function's body, or the global initialiser.
  const clang::Stmt* enclosing_body(const clang::Stmt& stmt) const;

  // Every reference to a static-storage variable, in source order.
  const std::vector<const clang::DeclRefExpr*>& uses_of(const clang::VarDecl& var) const;
  const std::vector<const clang::VarDecl*>& static_storage_vars() const { return m_static_vars; }

  // Calls to `function` in this translation unit.
  std::vector<const clang::CallExpr*> calls_to(const clang::FunctionDecl& function) const;

  // True when `expr` depends on the current request (request_data.hpp).
  bool is_request_derived(const clang::Expr& expr) const;

  // The static-storage variable a function returns (`return g_conn;`,
  // `return instance;` of a function-local static) on every path: calls to
  // it designate that variable. Null for other functions.
  const clang::VarDecl* accessed_static(const clang::FunctionDecl& function) const;
  // The calls to such functions that hand out `var` by reference or address
  // (`store().put(…)`): uses of `var` that can change it.
  std::vector<const clang::CallExpr*> reference_accessor_calls(const clang::VarDecl& var) const;

  // A function handed to std::call_once or pthread_once: it runs once per instance.
  bool runs_once(const clang::FunctionDecl& function) const;

  // The static-storage objects a member function (or constructor) of this
  // translation unit runs on: those it is called on directly, and through
  // calls on `this` from other member functions that run on them.
  const std::vector<const clang::VarDecl*>& objects_of(const clang::FunctionDecl& method) const;

private:
  class Builder;
  friend class Builder;

  clang::ASTContext& m_ast;
  bool m_has_handler = false;
  std::unordered_set<const clang::FunctionDecl*> m_handler_functions;
  std::unordered_set<const clang::FunctionDecl*> m_init_functions;
  std::unordered_set<const clang::FunctionDecl*> m_signal_functions;
  std::unordered_set<const clang::FunctionDecl*> m_once_functions;
  std::unordered_set<const clang::LambdaExpr*> m_handler_lambdas;
  // `main` functions that call run_handler, with the call that splits init from handler.
  std::unordered_map<const clang::FunctionDecl*, const clang::CallExpr*> m_main_split;
  // Without a recognised handler, a `main` that loops is a hand-written
  // runtime: before the first loop is init, the loop is the handler.
  std::unordered_map<const clang::FunctionDecl*, const clang::Stmt*> m_main_loop;
  std::unordered_map<const clang::VarDecl*, std::vector<const clang::DeclRefExpr*>> m_uses;
  std::vector<const clang::VarDecl*> m_static_vars;
  std::unordered_map<const clang::FunctionDecl*, std::vector<const clang::CallExpr*>> m_calls;
  std::unordered_set<const clang::VarDecl*> m_request_vars;  // params and derived locals
  std::unordered_map<const clang::FunctionDecl*, const clang::VarDecl*> m_accessors;
  std::unordered_map<const clang::FunctionDecl*, std::vector<const clang::VarDecl*>> m_objects;
};

}  // namespace sls::analyzers

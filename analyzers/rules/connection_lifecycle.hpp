#pragma once
#include <map>
#include <vector>

#include "analyzers/check.hpp"

namespace clang {
class ValueDecl;
}  // namespace clang

namespace sls::analyzers {

// sls-connection-lifecycle (docs/rules/sls-connection-lifecycle.md): a
// connection made once per instance — by a global's initialiser, a global's
// constructor, main before run_handler (a local the handler lambda
// captures), or lazily on first use — on which handler code does I/O
// (PQexec, mysql_query, redisCommand, send/recv, curl_easy_perform…) with no
// liveness check or reconnect in the using function, the accessor that hands
// it out, or a helper the using function calls. One finding per I/O call.
// Liveness: PQstatus/PQreset, mysql_ping, ctx->err, redisReconnect,
// poll/getsockopt, recv with MSG_PEEK, a helper named like a check
// (ensure_…, …alive, reconnect…), or a new connection made on a failure path.
// A null check that just fails the request is not one.
class ConnectionLifecycleCheck : public Check {
public:
  ConnectionLifecycleCheck() : Check("sls-connection-lifecycle") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
  void on_end_of_translation_unit() override;

private:
  struct Handle {
    const clang::ValueDecl* decl = nullptr;
    const clang::FunctionDecl* accessor = nullptr;  // a function that handed it out
  };
  void add_factories();
  void add_connection(const clang::CallExpr& create);
  Handle resolve(const clang::Expr* expr, int budget) const;
  bool checks_liveness(const clang::Stmt* body, int depth) const;
  bool is_checked(const clang::CallExpr& io, const Handle& handle) const;
  std::vector<const clang::CallExpr*> m_creates;
  std::vector<const clang::CallExpr*> m_io_calls;
  std::vector<const clang::FunctionDecl*> m_factories;
  std::map<const clang::ValueDecl*, const clang::CallExpr*> m_connections;  // handle -> creation
};

}  // namespace sls::analyzers

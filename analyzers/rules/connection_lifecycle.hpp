#pragma once
#include <map>
#include <vector>

#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-connection-lifecycle: a connection kept in static storage (a socket
// fd, PGconn, MYSQL, redisContext, mongoc client, pqxx::connection) that
// handler code uses with no liveness check in the using function: no
// PQstatus/mysql_ping/ctx->err/is_open/poll/getsockopt, no helper whose name
// says it checks or reconnects, no `if` on the connection around the use.
// Clients that validate and reconnect by themselves (libcurl, the AWS SDK)
// are not connections in this sense.
class ConnectionLifecycleCheck : public Check {
public:
  ConnectionLifecycleCheck() : Check("sls-connection-lifecycle") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
  void on_end_of_translation_unit() override;

private:
  bool checks_liveness(const clang::Stmt* body, const clang::VarDecl& connection) const;
  std::map<const clang::VarDecl*, const clang::Stmt*> m_connections;  // global -> creation
};

}  // namespace sls::analyzers

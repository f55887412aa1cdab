#include "analyzers/rules/connection_lifecycle.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

constexpr std::initializer_list<std::string_view> k_liveness_calls = {
    "PQstatus",       "PQreset",    "PQping",
    "PQconsumeInput", "mysql_ping", "redisReconnect",
    "poll",           "getsockopt", "mongoc_client_command_simple"};

bool is_connection_type(clang::QualType type) {
  return type_mentions(type, {"pqxx::connection", "pqxx::basic_connection", "pqxx::lazyconnection"});
}

// A helper whose name says it checks or re-establishes the connection.
bool is_liveness_helper(const clang::CallExpr& call) {
  const auto* callee = call.getDirectCallee();
  if (!callee) return false;
  for (const auto& word : identifier_words(callee->getNameAsString())) {
    if (name_is_one_of(word, {"ping", "alive", "healthy", "reconnect", "ensure", "validate", "connected", "is_open",
                              "check", "status", "reset"})) {
      return true;
    }
  }
  return callee->getNameAsString() == "is_open";
}

}  // namespace

void ConnectionLifecycleCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::socket", "::PQconnectdb", "::PQconnectdbParams", "::PQsetdbLogin",
                                              "::mysql_real_connect", "::redisConnect", "::redisConnectWithTimeout",
                                              "::redisConnectUnix", "::mongoc_client_new"))))
          .bind("create"),
      this);
  finder.addMatcher(varDecl(hasGlobalStorage(), unless(parmVarDecl())).bind("var"), this);
}

void ConnectionLifecycleCheck::check(const MatchFinder::MatchResult& result) {
  if (const auto* var = result.Nodes.getNodeAs<clang::VarDecl>("var")) {
    if (is_defining_declaration(*var) && is_connection_type(var->getType())) m_connections.emplace(var, nullptr);
    return;
  }
  const auto* create = result.Nodes.getNodeAs<clang::CallExpr>("create");
  const clang::VarDecl* var = result_variable(*create, ast());
  // mysql_real_connect(g_mysql, …) connects the handle it is given.
  if (callee_name(*create) == "mysql_real_connect" && create->getNumArgs() > 0)
    var = static_storage_root(create->getArg(0));
  if (var && var->hasGlobalStorage()) m_connections.emplace(var, create);
}

bool ConnectionLifecycleCheck::checks_liveness(const clang::Stmt* body, const clang::VarDecl& connection) const {
  for (const auto* call : find_calls_any(body)) {
    std::string name = callee_name(*call);
    if (name_is_one_of(name, k_liveness_calls) || is_liveness_helper(*call)) return true;
    if (name == "recv" && call->getNumArgs() == 4) {
      clang::Expr::EvalResult flags;
      if (call->getArg(3)->EvaluateAsInt(flags, ast()) && (flags.Val.getInt().getExtValue() & 0x2))
        return true;  // MSG_PEEK
    }
  }
  return false;
}

void ConnectionLifecycleCheck::on_end_of_translation_unit() {
  for (const auto& [connection, creation] : m_connections) {
    for (const auto* use : model().uses_of(*connection)) {
      if (creation && contains_node(*creation, *use)) continue;
      if (!model().may_be_handler(*use) || model().is_init(*use)) continue;
      if (is_guarded_by_check_of(*use, *connection, ast())) continue;
      // `if (!conn)` and `conn = connect()` check or create; they do not use it.
      if (is_in_condition(*use, ast()) || is_mutating_use(*use, ast())) continue;
      const auto* body = model().enclosing_body(*use);
      // Created unconditionally in this function: a fresh connection, not a reused one.
      if (creation && body && contains_node(*body, *creation) &&
          !is_guarded_by_check_of(*creation, *connection, ast())) {
        continue;
      }
      if (checks_liveness(body, *connection)) continue;
      auto* finding = report(use->getBeginLoc(), "connection '" + connection->getNameAsString() +
                                                     "' is reused across invocations without a liveness check");
      context().add_note(finding, creation ? creation->getBeginLoc() : connection->getLocation(),
                         "connection created here");
      break;
    }
  }
}

}  // namespace sls::analyzers

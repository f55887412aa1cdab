#include "analyzers/rules/connection_lifecycle.hpp"

#include "analyzers/ast_helpers.hpp"
#include "analyzers/once_guard.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

constexpr std::initializer_list<std::string_view> k_liveness_calls = {
    "PQstatus",   "PQreset",    "PQping",     "PQconsumeInput",     "mysql_ping", "redisReconnect",
    "poll",       "getsockopt", "select",     "mongoc_client_command_simple"};

// Words of a helper of the file whose name says it checks or re-establishes
// the connection.
bool is_liveness_helper_name(std::string_view name) {
  for (const auto& word : identifier_words(name)) {
    if (name_is_one_of(word, {"ping", "alive", "healthy", "reconnect", "ensure", "validate", "connected", "usable",
                              "live", "reset", "redial"})) {
      return true;
    }
  }
  return false;
}

const clang::Expr* strip(const clang::Expr* expr) {
  while (expr) {
    expr = expr->IgnoreParenImpCasts();
    const auto* cast = llvm::dyn_cast<clang::ExplicitCastExpr>(expr);
    if (!cast) return expr;
    expr = cast->getSubExpr();
  }
  return expr;
}

// The variable or field an lvalue names: `g`, `ns::g`, `this->conn_`, `&g`.
const clang::ValueDecl* named_target(const clang::Expr* expr) {
  expr = strip(expr);
  if (const auto* unary = llvm::dyn_cast_or_null<clang::UnaryOperator>(expr); unary && unary->getOpcode() == clang::UO_AddrOf) {
    return named_target(unary->getSubExpr());
  }
  if (const auto* ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(expr)) return llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
  if (const auto* member = llvm::dyn_cast_or_null<clang::MemberExpr>(expr)) {
    return llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl());
  }
  return nullptr;
}

// Where a creating call's result is kept: `T v = call()`, `v = call()`,
// `: conn_(call())`; mysql_real_connect connects the handle it is given.
const clang::ValueDecl* stored_into(const clang::CallExpr& call, clang::ASTContext& ast) {
  if (callee_name(call) == "mysql_real_connect") return call.getNumArgs() > 0 ? named_target(call.getArg(0)) : nullptr;
  clang::DynTypedNode node = clang::DynTypedNode::create(call);
  for (int depth = 0; depth < 6; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return nullptr;
    if (const auto* var = parents[0].get<clang::VarDecl>()) return var;
    if (const auto* init = parents[0].get<clang::CXXCtorInitializer>()) return init->getMember();
    if (const auto* binary = parents[0].get<clang::BinaryOperator>()) {
      return binary->isAssignmentOp() ? named_target(binary->getLHS()) : nullptr;
    }
    const auto* expr = parents[0].get<clang::Expr>();
    if (!expr || !(llvm::isa<clang::CastExpr>(expr) || llvm::isa<clang::ParenExpr>(expr) ||
                   llvm::isa<clang::ExprWithCleanups>(expr))) {
      return nullptr;
    }
    node = parents[0];
  }
  return nullptr;
}

bool mentions_member(const clang::Stmt* stmt, std::string_view name) {
  if (!stmt) return false;
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(stmt); member && member->getMemberDecl()->getName() == llvm::StringRef(name)) {
    return true;
  }
  for (const auto* child : stmt->children()) {
    if (mentions_member(child, name)) return true;
  }
  return false;
}

void collect_returns(const clang::Stmt* stmt, std::vector<const clang::ReturnStmt*>& out) {
  if (!stmt || llvm::isa<clang::LambdaExpr>(stmt)) return;
  if (const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(stmt)) out.push_back(ret);
  for (const auto* child : stmt->children()) collect_returns(child, out);
}

std::vector<const clang::ReturnStmt*> find_returns(const clang::Stmt* body) {
  std::vector<const clang::ReturnStmt*> out;
  collect_returns(body, out);
  return out;
}

}  // namespace

void ConnectionLifecycleCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::socket", "::PQconnectdb", "::PQconnectdbParams", "::PQsetdbLogin",
                                              "::mysql_init", "::mysql_real_connect", "::redisConnect",
                                              "::redisConnectWithTimeout", "::redisConnectUnix", "::mongoc_client_new",
                                              "::curl_easy_init"))))
          .bind("create"),
      this);
  finder.addMatcher(
      callExpr(isExpansionInMainFile(),
               callee(functionDecl(hasAnyName(
                   "::PQexec", "::PQexecParams", "::PQprepare", "::PQexecPrepared", "::PQsendQuery",
                   "::PQsendQueryParams", "::PQgetResult", "::PQputCopyData", "::mysql_query", "::mysql_real_query",
                   "::mysql_store_result", "::mysql_use_result", "::redisCommand", "::redisCommandArgv",
                   "::redisAppendCommand", "::redisGetReply", "::send", "::recv", "::sendto", "::recvfrom",
                   "::sendmsg", "::recvmsg", "::write", "::read", "::writev", "::readv", "::curl_easy_perform"))))
          .bind("io"),
      this);
}

void ConnectionLifecycleCheck::check(const MatchFinder::MatchResult& result) {
  if (const auto* io = result.Nodes.getNodeAs<clang::CallExpr>("io")) {
    if (io->getNumArgs() > 0) m_io_calls.push_back(io);
    return;
  }
  m_creates.push_back(result.Nodes.getNodeAs<clang::CallExpr>("create"));
}

// `int dial() { int fd = socket(…); …; return fd; }`: calls to dial create too.
void ConnectionLifecycleCheck::add_factories() {
  std::vector<const clang::CallExpr*> made;
  for (const auto* create : m_creates) {
    const auto* local = llvm::dyn_cast_or_null<clang::VarDecl>(stored_into(*create, ast()));
    const auto* function = model().enclosing_function(*create);
    if (!local || local->hasGlobalStorage() || !function || !function->getBody()) continue;
    for (const auto* ret : find_returns(function->getBody())) {
      if (named_target(ret->getRetValue()) != local) continue;
      m_factories.push_back(function);
      for (const auto* call : model().calls_to(*function)) made.push_back(call);
      break;
    }
  }
  m_creates.insert(m_creates.end(), made.begin(), made.end());
}

void ConnectionLifecycleCheck::add_connection(const clang::CallExpr& create) {
  const auto* decl = stored_into(create, ast());
  if (!decl) return;
  bool once = model().is_init(create) || is_lazy_init(create, model());
  const auto* var = llvm::dyn_cast<clang::VarDecl>(decl);
  // A local made in main before run_handler lives on in the handler lambda
  // that captures it; other locals are per call.
  bool local = var && !var->hasGlobalStorage();
  bool kept = llvm::isa<clang::FieldDecl>(decl) || (var && var->hasGlobalStorage()) ||
              (local && !llvm::isa<clang::ParmVarDecl>(var) && model().is_init(create));
  if (once && kept) m_connections.emplace(decl, &create);
}

ConnectionLifecycleCheck::Handle ConnectionLifecycleCheck::resolve(const clang::Expr* expr, int budget) const {
  expr = strip(expr);
  if (const auto* call = llvm::dyn_cast_or_null<clang::CallExpr>(expr); call && call->getDirectCallee()) {
    const auto* accessed = model().accessed_static(*call->getDirectCallee());
    if (accessed && m_connections.contains(accessed)) return {accessed, call->getDirectCallee()};
    return {};
  }
  const auto* decl = named_target(expr);
  if (!decl) return {};
  if (m_connections.contains(decl)) return {decl, nullptr};
  const auto* var = llvm::dyn_cast<clang::VarDecl>(decl);
  if (!var || var->hasGlobalStorage() || budget <= 0) return {};
  if (const auto* parm = llvm::dyn_cast<clang::ParmVarDecl>(var)) {
    // A helper's parameter: the connection its callers pass.
    const auto* function = llvm::dyn_cast<clang::FunctionDecl>(parm->getDeclContext());
    if (!function) return {};
    for (const auto* call : model().calls_to(*function)) {
      unsigned index = parm->getFunctionScopeIndex();
      if (index >= call->getNumArgs()) continue;
      if (auto handle = resolve(call->getArg(index), budget - 1); handle.decl) return handle;
    }
    return {};
  }
  // `redisContext* db = live_db();`
  return var->getType()->isPointerType() && var->getInit() ? resolve(var->getInit(), budget - 1) : Handle{};
}

bool ConnectionLifecycleCheck::checks_liveness(const clang::Stmt* body, int depth) const {
  if (!body) return false;
  if (mentions_member(body, "err")) return true;  // hiredis: ctx->err
  for (const auto* call : find_calls_any(body)) {
    std::string name = callee_name(*call);
    if (name_is_one_of(name, k_liveness_calls)) return true;
    if (name == "recv" && call->getNumArgs() == 4) {
      clang::Expr::EvalResult flags;
      if (call->getArg(3)->EvaluateAsInt(flags, ast()) && (flags.Val.getInt().getExtValue() & 0x2))
        return true;  // MSG_PEEK
    }
    const auto* callee = call->getDirectCallee();
    const auto* definition = callee ? callee->getDefinition() : nullptr;
    if (!definition || !ast().getSourceManager().isInMainFile(definition->getLocation())) continue;
    if (is_liveness_helper_name(callee->getNameAsString())) return true;
    if (depth > 0 && definition != model().enclosing_function(*body) && checks_liveness(definition->getBody(), depth - 1))
      return true;
  }
  return false;
}

bool ConnectionLifecycleCheck::is_checked(const clang::CallExpr& io, const Handle& handle) const {
  const auto* body = model().enclosing_body(io);
  if (checks_liveness(body, 1)) return true;
  // A local used where it was made is that call's own connection.
  const auto* creation = m_connections.at(handle.decl);
  const auto* var = llvm::dyn_cast<clang::VarDecl>(handle.decl);
  if (var && !var->hasGlobalStorage() && model().enclosing_function(*creation) == model().enclosing_function(io)) {
    return true;
  }
  if (handle.accessor && checks_liveness(handle.accessor->getBody(), 1)) return true;
  // Made here, not lazily: a fresh connection per call, or a reconnect.
  for (const auto* create : m_creates) {
    if (body && contains_node(*body, *create) && stored_into(*create, ast()) == handle.decl &&
        !is_lazy_init(*create, model())) {
      return true;
    }
  }
  return false;
}

void ConnectionLifecycleCheck::on_end_of_translation_unit() {
  add_factories();
  for (const auto* create : m_creates) add_connection(*create);
  if (m_connections.empty()) return;
  for (const auto* io : m_io_calls) {
    if (!model().may_be_handler(*io) || model().is_init(*io)) continue;
    Handle handle = resolve(io->getArg(0), 2);
    if (!handle.decl || is_checked(*io, handle)) continue;
    auto* finding = report(io->getBeginLoc(), "connection '" + handle.decl->getNameAsString() +
                                                  "' is reused across invocations without a liveness check");
    context().add_note(finding, m_connections.at(handle.decl)->getBeginLoc(), "connection created here");
  }
}

}  // namespace sls::analyzers

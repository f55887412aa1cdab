#include "analyzers/rules/periodic_thread.hpp"

#include "analyzers/ast_helpers.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

constexpr std::initializer_list<std::string_view> k_sleeps = {"sleep",
                                                              "usleep",
                                                              "nanosleep",
                                                              "clock_nanosleep",
                                                              "std::this_thread::sleep_for",
                                                              "std::this_thread::sleep_until",
                                                              "std::condition_variable::wait_for",
                                                              "std::condition_variable::wait_until"};

// Timed waits pace a loop like a sleep does.
constexpr std::initializer_list<std::string_view> k_timed_waits = {
    "pthread_cond_timedwait", "sem_timedwait", "std::condition_variable_any::wait_for",
    "std::condition_variable_any::wait_until", "std::stop_token::wait_for"};

// poll/epoll_wait/select with a timeout that is neither 0 nor -1.
bool is_timed_poll(const clang::CallExpr& call) {
  std::string name = callee_name(call);
  unsigned index = name == "poll" || name == "ppoll" ? 2 : name == "epoll_wait" ? 3 : name == "select" ? 4 : 99;
  if (index >= call.getNumArgs()) return false;
  const auto* timeout = call.getArg(index)->IgnoreParenImpCasts();
  if (name == "select") return !timeout->isNullPointerConstant(call.getDirectCallee()->getASTContext(),
                                                               clang::Expr::NPC_ValueDependentIsNotNull);
  clang::Expr::EvalResult value;
  if (!timeout->EvaluateAsInt(value, call.getDirectCallee()->getASTContext())) return true;
  auto millis = value.Val.getInt().getExtValue();
  return millis > 0;
}

bool is_sleep(const clang::CallExpr& call) {
  std::string name = callee_name(call);
  for (auto sleep : k_sleeps) {
    if (name == sleep) return true;
  }
  for (auto wait : k_timed_waits) {
    if (name == wait) return true;
  }
  return is_timed_poll(call);
}

bool has_sleep(const clang::Stmt* stmt, int depth);

// A loop whose body sleeps, directly or in a function it calls.
bool loops_with_sleep(const clang::Stmt* stmt, int depth) {
  if (!stmt) return false;
  const clang::Stmt* loop_body = nullptr;
  if (const auto* loop = llvm::dyn_cast<clang::WhileStmt>(stmt)) loop_body = loop->getBody();
  if (const auto* loop = llvm::dyn_cast<clang::DoStmt>(stmt)) loop_body = loop->getBody();
  if (const auto* loop = llvm::dyn_cast<clang::ForStmt>(stmt)) loop_body = loop->getBody();
  if (loop_body && has_sleep(loop_body, depth)) return true;
  for (const auto* child : stmt->children()) {
    if (loops_with_sleep(child, depth)) return true;
  }
  return false;
}

bool has_sleep(const clang::Stmt* stmt, int depth) {
  for (const auto* call : find_calls_any(stmt)) {
    if (is_sleep(*call)) return true;
    const auto* callee = call->getDirectCallee();
    const auto* definition = callee ? callee->getDefinition() : nullptr;
    if (depth > 0 && definition && definition->getBody() && has_sleep(definition->getBody(), depth - 1)) return true;
  }
  return false;
}

// The body the thread runs: a lambda's, or a named function's.
const clang::Stmt* thread_body(const clang::Expr* callable) {
  if (!callable) return nullptr;
  callable = callable->IgnoreParenImpCasts();
  if (const auto* temporary = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(callable)) {
    callable = temporary->getSubExpr()->IgnoreParenImpCasts();
  }
  // A lambda whose captures need destroying sits in a bound temporary.
  if (const auto* bound = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(callable)) {
    callable = bound->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto* lambda = llvm::dyn_cast<clang::LambdaExpr>(callable)) return lambda->getBody();
  if (const auto* address = llvm::dyn_cast<clang::UnaryOperator>(callable)) {
    callable = address->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(callable)) {
    const auto* function = llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl());
    const auto* definition = function ? function->getDefinition() : nullptr;
    return definition ? definition->getBody() : nullptr;
  }
  return nullptr;
}

// The variable a construction initialises, through cleanups and temporaries.
const clang::VarDecl* constructed_variable(const clang::Expr& construct, clang::ASTContext& ast) {
  clang::DynTypedNode node = clang::DynTypedNode::create(construct);
  for (int depth = 0; depth < 6; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return nullptr;
    if (const auto* var = parents[0].get<clang::VarDecl>()) return var;
    const auto* expr = parents[0].get<clang::Expr>();
    if (!expr || llvm::isa<clang::CallExpr>(expr)) return nullptr;
    node = parents[0];
  }
  return nullptr;
}

bool joined_in(const clang::Stmt* body, const clang::VarDecl* thread) {
  if (!body || !thread) return false;
  for (const auto* call : find_calls_any(body)) {
    const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call);
    if (member && member->getMethodDecl() && member->getMethodDecl()->getNameAsString() == "join" &&
        mentions(member->getImplicitObjectArgument(), *thread)) {
      return true;
    }
    if (callee_name(*call) == "pthread_join" && call->getNumArgs() > 0 && mentions(call->getArg(0), *thread))
      return true;
  }
  return false;
}

}  // namespace

void PeriodicThreadCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(hasAnyName("::std::thread", "::std::jthread")))),
                       unless(argumentCountIs(0)))
          .bind("construct"),
      this);
  finder.addMatcher(callExpr(callee(functionDecl(hasName("::pthread_create"))), argumentCountIs(4)).bind("pthread"),
                    this);
  finder.addMatcher(callExpr(callee(functionDecl(hasName("::std::async"))), unless(argumentCountIs(0))).bind("async"),
                    this);
}

void PeriodicThreadCheck::check(const MatchFinder::MatchResult& result) {
  const clang::Expr* start = nullptr;
  const clang::Expr* callable = nullptr;
  const clang::VarDecl* thread = nullptr;
  if (const auto* construct = result.Nodes.getNodeAs<clang::CXXConstructExpr>("construct")) {
    if (construct->getConstructor()->isCopyOrMoveConstructor()) return;
    start = construct;
    callable = construct->getArg(0);
    thread = constructed_variable(*construct, ast());
    // A local jthread joins at the end of its scope, unless that scope is
    // main around run_handler: then it lives as long as the instance.
    bool local_jthread = thread && !thread->hasGlobalStorage() &&
                         thread->getType().getCanonicalType().getAsString().find("jthread") != std::string::npos;
    if (local_jthread && !model().is_init(*construct)) return;
  } else if (const auto* async = result.Nodes.getNodeAs<clang::CallExpr>("async")) {
    // std::async(std::launch::async, f, …) runs f on a new thread.
    if (async->getNumArgs() < 2 || !async->getArg(0)->getType().getAsString().ends_with("launch")) return;
    start = async;
    callable = async->getArg(1);
  } else if (const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("pthread")) {
    start = call;
    callable = call->getArg(2);
    const auto* id = call->getArg(0)->IgnoreParenImpCasts();
    if (const auto* address = llvm::dyn_cast<clang::UnaryOperator>(id))
      id = address->getSubExpr()->IgnoreParenImpCasts();
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(id))
      thread = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
  }
  if (!start || !loops_with_sleep(thread_body(callable), 1)) return;
  if (joined_in(model().enclosing_body(*start), thread)) return;
  report(start->getBeginLoc(),
         "thread runs a loop with sleeps: it stops while the instance is frozen and "
         "runs late, inside a later invocation");
}

}  // namespace sls::analyzers

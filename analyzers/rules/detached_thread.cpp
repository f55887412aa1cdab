#include "analyzers/rules/detached_thread.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

bool holds_thread(clang::QualType type) {
  std::string name = type.getCanonicalType().getAsString();
  return name.find("std::thread") != std::string::npos || name.find("std::jthread") != std::string::npos;
}

bool is_joined(const clang::VarDecl& var, const TuModel& model, clang::ASTContext& ast) {
  for (const auto* use : model.uses_of(var)) {
    auto parents = ast.getParents(*use);
    for (int depth = 0; depth < 6 && !parents.empty(); ++depth) {
      if (const auto* call = parents[0].get<clang::CXXMemberCallExpr>()) {
        const auto* method = call->getMethodDecl();
        if (method && method->getNameAsString() == "join") return true;
      }
      parents = ast.getParents(parents[0]);
    }
  }
  return false;
}

const clang::VarDecl* thread_id_variable(const clang::CallExpr& call) {
  if (call.getNumArgs() == 0) return nullptr;
  const auto* arg = call.getArg(0)->IgnoreParenImpCasts();
  if (const auto* address = llvm::dyn_cast<clang::UnaryOperator>(arg))
    arg = address->getSubExpr()->IgnoreParenImpCasts();
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(arg);
  return ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
}

}  // namespace

void DetachedThreadCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("detach"),
                                                           ofClass(hasAnyName("::std::thread", "::std::jthread")))),
                                      callee(memberExpr().bind("member")))
                        .bind("detach"),
                    this);
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName("::pthread_detach", "::pthread_create", "::pthread_join"))))
                        .bind("pthread"),
                    this);
  finder.addMatcher(varDecl(hasGlobalStorage(), unless(parmVarDecl())).bind("var"), this);
}

void DetachedThreadCheck::check(const MatchFinder::MatchResult& result) {
  if (const auto* member = result.Nodes.getNodeAs<clang::MemberExpr>("member")) {
    auto* finding = report(member->getMemberLoc(), "thread is detached: it keeps running after the invocation returns");
    context().add_fixit(finding, member->getMemberLoc(), "join");
    return;
  }
  if (const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("pthread")) {
    std::string name = callee_name(*call);
    if (name == "pthread_detach")
      report(call->getBeginLoc(), "thread is detached: it keeps running after the invocation returns");
    if (name == "pthread_create") m_pthread_creates.push_back(call);
    if (name == "pthread_join") m_pthread_joins.push_back(call);
    return;
  }
  const auto* var = result.Nodes.getNodeAs<clang::VarDecl>("var");
  if (is_defining_declaration(*var) && holds_thread(var->getType())) m_thread_globals.push_back(var);
}

void DetachedThreadCheck::on_end_of_translation_unit() {
  for (const auto* create : m_pthread_creates) {
    const auto* id = thread_id_variable(*create);
    bool joined = false;
    bool detached = false;
    for (const auto* detach : find_calls(model().enclosing_body(*create), {"pthread_detach"})) {
      detached = detached || !id || (detach->getNumArgs() > 0 && mentions(detach->getArg(0), *id));
    }
    for (const auto* join : m_pthread_joins) {
      const auto* joined_var = join->getNumArgs() > 0 ? static_storage_root(join->getArg(0)) : nullptr;
      const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(join->getArg(0)->IgnoreParenImpCasts());
      if (!id || (ref && ref->getDecl() == id) || joined_var == id) joined = true;
    }
    if (!joined && !detached) {
      report(create->getBeginLoc(), "thread created with pthread_create is never joined: it outlives the invocation");
    }
  }
  for (const auto* var : m_thread_globals) {
    if (is_joined(*var, model(), ast())) continue;
    report(var->getLocation(), "thread '" + var->getNameAsString() +
                                   "' is kept in static storage and never joined: it outlives the invocation");
  }
}

}  // namespace sls::analyzers

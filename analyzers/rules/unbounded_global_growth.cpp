#include "analyzers/rules/unbounded_global_growth.hpp"

#include <set>

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

// The member call or operator that `use` is the object of, if any.
const clang::Stmt* member_user(const clang::DeclRefExpr& use, clang::ASTContext& ast) {
  auto parents = ast.getParents(use);
  for (int depth = 0; depth < 3 && !parents.empty(); ++depth) {
    if (const auto* member = parents[0].get<clang::MemberExpr>()) {
      auto up = ast.getParents(*member);
      return up.empty() ? nullptr : up[0].get<clang::CXXMemberCallExpr>();
    }
    if (const auto* op = parents[0].get<clang::CXXOperatorCallExpr>()) return op;
    if (const auto* binary = parents[0].get<clang::BinaryOperator>()) return binary;
    if (const auto* call = parents[0].get<clang::CallExpr>()) return call;
    parents = ast.getParents(parents[0]);
  }
  return nullptr;
}

bool bounds(const clang::Stmt& user) {
  if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(&user)) {
    const auto* method = call->getMethodDecl();
    return method &&
           name_is_one_of(method->getNameAsString(), {"clear", "erase", "pop_back", "pop_front", "pop", "resize",
                                                      "swap", "assign", "extract", "shrink_to_fit", "size"});
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(&user)) return op->getOperator() == clang::OO_Equal;
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(&user)) return binary->getOpcode() == clang::BO_Assign;
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(&user)) {
    return name_is_one_of(callee_name(*call), {"std::erase", "std::erase_if", "std::swap"});
  }
  return false;
}

}  // namespace

void UnboundedGlobalGrowthCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(cxxMemberCallExpr(isExpansionInMainFile(),
                                      callee(cxxMethodDecl(hasAnyName("push_back", "emplace_back", "insert", "emplace",
                                                                      "push", "push_front", "emplace_front", "append",
                                                                      "try_emplace", "insert_or_assign"))))
                        .bind("grow"),
                    this);
  finder.addMatcher(cxxOperatorCallExpr(isExpansionInMainFile(), hasAnyOverloadedOperatorName("+=", "[]")).bind("op"),
                    this);
}

void UnboundedGlobalGrowthCheck::check(const MatchFinder::MatchResult& result) {
  const clang::Stmt* site = nullptr;
  const clang::Expr* object = nullptr;
  if (const auto* grow = result.Nodes.getNodeAs<clang::CXXMemberCallExpr>("grow")) {
    site = grow;
    object = grow->getImplicitObjectArgument();
  } else if (const auto* op = result.Nodes.getNodeAs<clang::CXXOperatorCallExpr>("op")) {
    bool map_insert = op->getOperator() == clang::OO_Subscript && type_mentions(op->getArg(0)->getType(), {"map<"});
    bool string_append =
        op->getOperator() == clang::OO_PlusEqual && type_mentions(op->getArg(0)->getType(), {"basic_string"});
    if (!map_insert && !string_append) return;
    site = op;
    object = op->getArg(0);
  }
  const auto* ref = object ? llvm::dyn_cast<clang::DeclRefExpr>(object->IgnoreParenImpCasts()) : nullptr;
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->hasGlobalStorage() || var->getType().isConstQualified()) return;
  if (!model().may_be_handler(*site) || is_one_time_fill(*site, *var, ast())) return;
  m_growth.emplace_back(var, site);
}

bool UnboundedGlobalGrowthCheck::is_bounded(const clang::VarDecl& var) const {
  for (const auto* use : model().uses_of(var)) {
    const auto* user = member_user(*use, ast());
    if (user && bounds(*user)) return true;
  }
  return false;
}

void UnboundedGlobalGrowthCheck::on_end_of_translation_unit() {
  std::set<const clang::VarDecl*> reported;
  for (const auto& [var, site] : m_growth) {
    if (reported.contains(var) || is_bounded(*var)) continue;
    reported.insert(var);
    auto* finding = report(site->getBeginLoc(),
                           "'" + var->getNameAsString() + "' grows on every invocation and nothing ever bounds it");
    context().add_note(finding, var->getLocation(), "'" + var->getNameAsString() + "' declared here");
  }
}

}  // namespace sls::analyzers

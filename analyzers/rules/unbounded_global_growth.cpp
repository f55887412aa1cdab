#include "analyzers/rules/unbounded_global_growth.hpp"

#include <set>

#include "analyzers/ast_helpers.hpp"
#include "analyzers/static_roots.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

// The member call or operator that `use` is the object of, if any.
const clang::Stmt* member_user(const clang::Expr& use, clang::ASTContext& ast) {
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

// Calls that shrink or replace the container. size() counts only in a
// condition (`if (cache.size() > kMax) …`): reporting the size bounds nothing.
bool bounds(const clang::Stmt& user, clang::ASTContext& ast) {
  if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(&user)) {
    const auto* method = call->getMethodDecl();
    if (method && method->getNameAsString() == "size") return is_in_condition(user, ast);
    return method && name_is_one_of(method->getNameAsString(), {"clear", "erase", "pop_back", "pop_front", "pop",
                                                                "resize", "swap", "assign", "extract", "shrink_to_fit"});
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(&user)) return op->getOperator() == clang::OO_Equal;
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(&user)) return binary->getOpcode() == clang::BO_Assign;
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(&user)) {
    return name_is_one_of(callee_name(*call), {"std::erase", "std::erase_if", "std::swap"});
  }
  return false;
}

// The member of the static object the container is (`stats.by_host`,
// `events_` in a member function run on a global), null for the object itself.
const clang::FieldDecl* container_field(const clang::Expr& object) {
  const auto* member = llvm::dyn_cast<clang::MemberExpr>(object.IgnoreParenImpCasts());
  return member ? llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl()) : nullptr;
}

bool is_realloc(const clang::Expr* expr) {
  const auto* call = expr ? llvm::dyn_cast<clang::CallExpr>(expr->IgnoreParenCasts()) : nullptr;
  return call && name_is_one_of(callee_name(*call), {"realloc", "reallocarray"});
}

// `g = realloc(g, …)`, or through a local: `T* grown = realloc(g, …); g = grown;`.
bool assigned_from_realloc(const clang::DeclRefExpr& use, clang::ASTContext& ast) {
  auto parents = ast.getParents(use);
  const auto* assign = parents.empty() ? nullptr : parents[0].get<clang::BinaryOperator>();
  if (!assign || assign->getOpcode() != clang::BO_Assign || assign->getLHS()->IgnoreParenImpCasts() != &use)
    return false;
  if (is_realloc(assign->getRHS())) return true;
  const auto* local = llvm::dyn_cast<clang::DeclRefExpr>(assign->getRHS()->IgnoreParenImpCasts());
  const auto* var = local ? llvm::dyn_cast<clang::VarDecl>(local->getDecl()) : nullptr;
  return var && is_realloc(var->getInit());
}

// `g[i] = x` or `g[i].field = x`: the element is written, not read.
bool is_stored_into(const clang::ArraySubscriptExpr& element, clang::ASTContext& ast) {
  const clang::Expr* target = &element;
  for (int depth = 0; depth < 6; ++depth) {
    auto parents = ast.getParents(*target);
    if (parents.empty()) return false;
    if (const auto* member = parents[0].get<clang::MemberExpr>()) {
      target = member;
      continue;
    }
    const auto* assign = parents[0].get<clang::BinaryOperator>();
    return assign && assign->isAssignmentOp() && assign->getLHS()->IgnoreParenImpCasts() == target;
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
  finder.addMatcher(memberExpr(isExpansionInMainFile(), member(fieldDecl())).bind("member"), this);
  // C: a store into a global array that handler code grows with realloc.
  finder.addMatcher(arraySubscriptExpr(isExpansionInMainFile(),
                                       hasBase(ignoringParenImpCasts(declRefExpr(to(varDecl(hasGlobalStorage()))))))
                        .bind("store"),
                    this);
}

void UnboundedGlobalGrowthCheck::check(const MatchFinder::MatchResult& result) {
  const clang::Stmt* site = nullptr;
  const clang::Expr* object = nullptr;
  if (const auto* member = result.Nodes.getNodeAs<clang::MemberExpr>("member")) {
    m_field_uses[llvm::cast<clang::FieldDecl>(member->getMemberDecl())].push_back(member);
    return;
  }
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
  } else if (const auto* store = result.Nodes.getNodeAs<clang::ArraySubscriptExpr>("store")) {
    check_array_store(*store);
    return;
  }
  const auto* var = object ? static_root(object, model()) : nullptr;
  if (!var || !var->hasGlobalStorage() || var->getType().isConstQualified()) return;
  if (!model().may_be_handler(*site) || is_one_time_fill(*site, *var, ast())) return;
  m_growth.push_back({var, container_field(*object), site, false});
}

// `seen[count++] = h` into a global that is grown with realloc and never freed.
void UnboundedGlobalGrowthCheck::check_array_store(const clang::ArraySubscriptExpr& store) {
  const auto* ref = llvm::cast<clang::DeclRefExpr>(store.getBase()->IgnoreParenImpCasts());
  const auto* var = llvm::cast<clang::VarDecl>(ref->getDecl());
  if (!var->getType()->isPointerType() || !is_stored_into(store, ast()) || !model().may_be_handler(store)) return;
  bool grown = false;
  for (const auto* use : model().uses_of(*var)) {
    grown = grown || assigned_from_realloc(*use, ast());
    auto parents = ast().getParents(*use);
    for (int depth = 0; depth < 3 && !parents.empty(); ++depth) {
      const auto* call = parents[0].get<clang::CallExpr>();
      if (call && callee_name(*call) == "free") return;
      parents = ast().getParents(parents[0]);
    }
  }
  if (grown) m_growth.push_back({var, nullptr, &store, true});
}

bool UnboundedGlobalGrowthCheck::is_bounded(const Growth& growth) const {
  if (growth.realloc_array) return false;  // `g = realloc(g, …)` is the growth; only free() bounds it
  if (growth.field) {
    auto uses = m_field_uses.find(growth.field);
    if (uses == m_field_uses.end()) return false;
    for (const auto* use : uses->second) {
      const auto* user = member_user(*use, ast());
      if (user && bounds(*user, ast())) return true;
    }
    return false;
  }
  for (const auto* use : model().uses_of(*growth.var)) {
    const auto* user = member_user(*use, ast());
    if (user && bounds(*user, ast())) return true;
  }
  return false;
}

void UnboundedGlobalGrowthCheck::on_end_of_translation_unit() {
  std::set<std::pair<const clang::VarDecl*, const clang::FieldDecl*>> reported;
  for (const auto& growth : m_growth) {
    const std::string name = growth.field ? growth.field->getNameAsString() : growth.var->getNameAsString();
    if (!reported.insert({growth.var, growth.field}).second || is_bounded(growth)) continue;
    auto* finding = report(growth.site->getBeginLoc(), "'" + name + "' grows on every invocation and nothing ever bounds it");
    context().add_note(finding, growth.var->getLocation(), "'" + growth.var->getNameAsString() + "' declared here");
  }
}

}  // namespace sls::analyzers

#include "analyzers/rules/request_state_in_global.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

}  // namespace

void RequestStateInGlobalCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(binaryOperator(isAssignmentOperator(), isExpansionInMainFile()).bind("assign"), this);
  finder.addMatcher(cxxOperatorCallExpr(isAssignmentOperator(), isExpansionInMainFile()).bind("op"), this);
  finder.addMatcher(cxxMemberCallExpr(isExpansionInMainFile(),
                                      callee(cxxMethodDecl(hasAnyName("push_back", "emplace_back", "insert", "emplace",
                                                                      "push", "push_front", "emplace_front", "assign",
                                                                      "append", "insert_or_assign", "try_emplace"))))
                        .bind("member"),
                    this);
  finder.addMatcher(callExpr(isExpansionInMainFile(),
                             callee(functionDecl(hasAnyName("::strcpy", "::strncpy", "::memcpy", "::strcat",
                                                            "::strncat", "::snprintf", "::sprintf", "::memmove"))))
                        .bind("copy"),
                    this);
}

void RequestStateInGlobalCheck::check(const MatchFinder::MatchResult& result) {
  if (const auto* assign = result.Nodes.getNodeAs<clang::BinaryOperator>("assign")) {
    if (assign->isCompoundAssignmentOp() && assign->getLHS()->getType()->isArithmeticType()) return;
    consider(*assign, assign->getLHS(), {assign->getRHS(), assign->getLHS()});
  } else if (const auto* op = result.Nodes.getNodeAs<clang::CXXOperatorCallExpr>("op")) {
    if (op->getNumArgs() == 2) consider(*op, op->getArg(0), {op->getArg(1), op->getArg(0)});
  } else if (const auto* member = result.Nodes.getNodeAs<clang::CXXMemberCallExpr>("member")) {
    for (const auto* arg : member->arguments()) consider(*member, member->getImplicitObjectArgument(), {arg});
  } else if (const auto* copy = result.Nodes.getNodeAs<clang::CallExpr>("copy")) {
    for (unsigned i = 1; i < copy->getNumArgs(); ++i) consider(*copy, copy->getArg(0), {copy->getArg(i)});
  }
}

bool RequestStateInGlobalCheck::cleared_before(const clang::Stmt& store, const clang::VarDecl& var) const {
  for (const auto* call : find_calls_any(model().enclosing_body(store))) {
    const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call);
    const auto* method = member ? member->getMethodDecl() : nullptr;
    if (method && name_is_one_of(method->getNameAsString(), {"clear", "reset"}) &&
        static_storage_root(member->getImplicitObjectArgument()) == &var && begins_before(*call, store, ast())) {
      return true;
    }
  }
  return false;
}

void RequestStateInGlobalCheck::consider(const clang::Stmt& store, const clang::Expr* target,
                                         std::initializer_list<const clang::Expr*> values) {
  const auto* var = static_storage_root(target);
  if (!var || var->getType().isConstQualified() || is_synchronisation_type(var->getType())) return;
  bool from_request = false;
  for (const auto* value : values) from_request = from_request || (value && model().is_request_derived(*value));
  if (!from_request || cleared_before(store, *var)) return;
  auto* finding = report(store.getBeginLoc(),
                         "request data is stored in '" + var->getNameAsString() + "', which outlives the invocation");
  context().add_note(finding, var->getLocation(), "'" + var->getNameAsString() + "' declared here");
}

}  // namespace sls::analyzers

#include "analyzers/rules/cached_time.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

// `&g_ts` -> g_ts
const clang::VarDecl* address_target(const clang::Expr* expr) {
  expr = expr->IgnoreParenImpCasts();
  if (const auto* address = llvm::dyn_cast<clang::UnaryOperator>(expr);
      address && address->getOpcode() == clang::UO_AddrOf) {
    return static_storage_root(address->getSubExpr());
  }
  return nullptr;
}

// Where a clock reading ends up: the static variable it initialises or is
// assigned to, or the static variable passed as its output argument.
const clang::VarDecl* static_destination(const clang::CallExpr& call, clang::ASTContext& ast) {
  std::string name = callee_name(call);
  if (name == "clock_gettime" && call.getNumArgs() == 2) return address_target(call.getArg(1));
  if ((name == "gettimeofday" || name == "time") && call.getNumArgs() >= 1 &&
      !call.getArg(0)->isNullPointerConstant(ast, clang::Expr::NPC_ValueDependentIsNotNull)) {
    if (const auto* out = address_target(call.getArg(0))) return out;
  }
  clang::DynTypedNode node = clang::DynTypedNode::create(call);
  for (int depth = 0; depth < 12; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return nullptr;
    if (const auto* var = parents[0].get<clang::VarDecl>()) return var->hasGlobalStorage() ? var : nullptr;
    if (const auto* binary = parents[0].get<clang::BinaryOperator>(); binary && binary->isAssignmentOp()) {
      return static_storage_root(binary->getLHS());
    }
    if (const auto* op = parents[0].get<clang::CXXOperatorCallExpr>(); op && op->getOperator() == clang::OO_Equal) {
      return static_storage_root(op->getArg(0));
    }
    // Passing through casts, duration_cast or time_since_epoch keeps the value a clock reading.
    if (!parents[0].get<clang::Expr>()) return nullptr;
    node = parents[0];
  }
  return nullptr;
}

bool in_initialiser_of(const clang::Stmt& stmt, const clang::VarDecl& var, clang::ASTContext& ast) {
  return var.getInit() && contains_node(*var.getInit(), stmt);
}

}  // namespace

void CachedTimeCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(
      callExpr(isExpansionInMainFile(),
               callee(functionDecl(anyOf(hasAnyName("::time", "::std::time", "::clock_gettime", "::gettimeofday"),
                                         matchesName("^::std::chrono::(_V2::)?[a-z_]+_clock::now$")))))
          .bind("call"),
      this);
}

void CachedTimeCheck::check(const MatchFinder::MatchResult& result) {
  const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  const auto* var = static_destination(*call, ast());
  if (!var) return;
  bool initialiser = in_initialiser_of(*call, *var, ast());
  if (!initialiser && !model().is_init(*call)) return;
  report(call->getBeginLoc(), "clock reading stored in '" + var->getNameAsString() +
                                  "', which keeps it across freezes and snapshot restores");
}

}  // namespace sls::analyzers

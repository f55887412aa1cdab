// One-time guards (see once_guard.hpp). A condition is read as a formula over
// tests of static variables; the guarded code is lazy initialisation when the
// formula being true (or false, for an early return) implies that one of them
// is unset, so the code stops running once the variable is set.

#include "analyzers/once_guard.hpp"

#include "analyzers/ast_helpers.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"

namespace sls::analyzers {
namespace {

const clang::Expr* bare(const clang::Expr* expr) { return expr ? expr->IgnoreParenImpCasts() : nullptr; }

bool is_static_ref(const clang::Expr* expr) {
  expr = bare(expr);
  if (const auto* member = llvm::dyn_cast_or_null<clang::MemberExpr>(expr); member && !member->isArrow()) {
    return is_static_ref(member->getBase());  // a flag field of a static struct
  }
  const auto* ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(expr);
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  return var && var->hasGlobalStorage();
}

const clang::CXXMemberCallExpr* static_method_call(const clang::Expr* expr) {
  const auto* call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(bare(expr));
  return call && call->getMethodDecl() && is_static_ref(call->getImplicitObjectArgument()) ? call : nullptr;
}

// True when the expression, read as a truth value, says the variable is set:
// `g`, `g.joinable()`, `g.has_value()`, `g.is_open()`, a unique_ptr's `operator bool`.
bool is_truthy_value(const clang::Expr* expr) {
  if (is_static_ref(expr)) return true;
  const auto* call = static_method_call(expr);
  if (!call) return false;
  const auto* method = call->getMethodDecl();
  return llvm::isa<clang::CXXConversionDecl>(method) ||
         name_is_one_of(method->getNameAsString(), {"joinable", "has_value", "is_open", "get", "valid"});
}

bool is_empty_call(const clang::Expr* expr) {
  const auto* call = static_method_call(expr);
  return call && call->getMethodDecl()->getNameAsString() == "empty";
}

bool is_size_call(const clang::Expr* expr) {
  const auto* call = static_method_call(expr);
  return call && call->getMethodDecl()->getNameAsString() == "size";
}

// 0, -1, nullptr, NULL: the values of "not made yet".
bool is_unset_constant(const clang::Expr* expr, clang::ASTContext& ast) {
  if (expr->isNullPointerConstant(ast, clang::Expr::NPC_ValueDependentIsNotNull)) return true;
  clang::Expr::EvalResult value;
  if (!expr->EvaluateAsInt(value, ast)) return false;
  auto number = value.Val.getInt().getExtValue();
  return number == 0 || number == -1;
}

// `g == nullptr`, `fd < 0`, `g.size() == 0`…: 1 when it tests for set,
// -1 for unset, 0 when it is no such test.
int comparison_polarity(clang::BinaryOperatorKind kind, const clang::Expr* value, const clang::Expr* constant,
                        bool flipped, clang::ASTContext& ast) {
  if (!(is_truthy_value(value) || is_size_call(value)) || !is_unset_constant(bare(constant), ast)) return 0;
  if (flipped) kind = clang::BinaryOperator::reverseComparisonOp(kind);
  switch (kind) {
    case clang::BO_EQ:
    case clang::BO_LT:
    case clang::BO_LE:
      return -1;
    case clang::BO_NE:
    case clang::BO_GE:
    case clang::BO_GT:
      return 1;
    default:
      return 0;
  }
}

int test_polarity(const clang::Expr* expr, clang::ASTContext& ast) {
  if (is_truthy_value(expr)) return 1;
  if (is_empty_call(expr)) return -1;
  const auto* binary = llvm::dyn_cast_or_null<clang::BinaryOperator>(bare(expr));
  if (binary && binary->isComparisonOp()) {
    int left = comparison_polarity(binary->getOpcode(), binary->getLHS(), binary->getRHS(), false, ast);
    return left != 0 ? left : comparison_polarity(binary->getOpcode(), binary->getRHS(), binary->getLHS(), true, ast);
  }
  const auto* op = llvm::dyn_cast_or_null<clang::CXXOperatorCallExpr>(bare(expr));
  if (op && op->getNumArgs() == 2 && (op->getOperator() == clang::OO_EqualEqual || op->getOperator() == clang::OO_ExclaimEqual)) {
    bool null_right = bare(op->getArg(1))->isNullPointerConstant(ast, clang::Expr::NPC_ValueDependentIsNotNull);
    if (is_static_ref(op->getArg(0)) && null_right) return op->getOperator() == clang::OO_EqualEqual ? -1 : 1;
  }
  return 0;
}

bool implies_unset_in(const clang::Expr* condition, bool negated, clang::ASTContext& ast) {
  condition = bare(condition);
  if (!condition) return false;
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(condition); unary && unary->getOpcode() == clang::UO_LNot) {
    return implies_unset_in(unary->getSubExpr(), !negated, ast);
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(condition);
      op && op->getOperator() == clang::OO_Exclaim && op->getNumArgs() == 1) {
    return implies_unset_in(op->getArg(0), !negated, ast);
  }
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(condition); binary && binary->isLogicalOp()) {
    // A && B holding means both hold; it failing means one of them fails.
    bool conjunction = (binary->getOpcode() == clang::BO_LAnd) != negated;
    bool left = implies_unset_in(binary->getLHS(), negated, ast);
    bool right = implies_unset_in(binary->getRHS(), negated, ast);
    return conjunction ? (left || right) : (left && right);
  }
  int polarity = test_polarity(condition, ast);
  return negated ? polarity > 0 : polarity < 0;
}

bool contains_return(const clang::Stmt* stmt) {
  if (!stmt) return false;
  if (llvm::isa<clang::ReturnStmt>(stmt)) return true;
  for (const auto* child : stmt->children()) {
    if (contains_return(child)) return true;
  }
  return false;
}

// `if (g) return g;` before `inner` in the same block.
bool after_early_return_once(const clang::CompoundStmt& block, const clang::Stmt& inner, clang::ASTContext& ast) {
  for (const auto* sibling : block.body()) {
    if (sibling == &inner) return false;
    const auto* if_stmt = llvm::dyn_cast<clang::IfStmt>(sibling);
    if (if_stmt && contains_return(if_stmt->getThen()) && implies_unset_in(if_stmt->getCond(), true, ast)) return true;
  }
  return false;
}

bool guarded_once(const clang::DynTypedNode& parent, const clang::Stmt* child, clang::ASTContext& ast) {
  if (const auto* if_stmt = parent.get<clang::IfStmt>(); if_stmt && child) {
    if (child == if_stmt->getThen()) return implies_unset_in(if_stmt->getCond(), false, ast);
    if (child == if_stmt->getElse()) return implies_unset_in(if_stmt->getCond(), true, ast);
  }
  if (const auto* block = parent.get<clang::CompoundStmt>(); block && child) {
    return after_early_return_once(*block, *child, ast);
  }
  const auto* call = parent.get<clang::CallExpr>();
  return call && name_is_one_of(callee_name(*call), {"std::call_once", "pthread_once"});
}

bool lazy_within(const clang::Stmt& stmt, const TuModel& model, int budget);

// Every call of the function is itself lazy (a `connect_once()` helper).
bool function_is_lazy(const clang::FunctionDecl& function, const TuModel& model, int budget) {
  if (model.runs_once(function)) return true;
  auto calls = model.calls_to(function);
  if (calls.empty() || budget <= 0) return false;
  for (const auto* call : calls) {
    if (!lazy_within(*call, model, budget - 1)) return false;
  }
  return true;
}

bool lazy_within(const clang::Stmt& stmt, const TuModel& model, int budget) {
  auto& ast = model.ast();
  clang::DynTypedNode node = clang::DynTypedNode::create(stmt);
  for (int depth = 0; depth < 128; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return false;
    if (guarded_once(parents[0], node.get<clang::Stmt>(), ast)) return true;
    // A lambda's body hangs below its call operator and closure class; keep
    // walking to the LambdaExpr and the call that receives it.
    const auto* function = parents[0].get<clang::FunctionDecl>();
    const auto* method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(function);
    if (function && !(method && method->getParent()->isLambda())) return function_is_lazy(*function, model, budget);
    node = parents[0];
  }
  return false;
}

}  // namespace

bool is_lazy_init(const clang::Stmt& stmt, const TuModel& model) { return lazy_within(stmt, model, 3); }

}  // namespace sls::analyzers

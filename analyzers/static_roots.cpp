// Static roots (see static_roots.hpp): one step at a time from an expression
// towards the object it designates, until a static variable, a local copy or
// something unknown is reached.

#include "analyzers/static_roots.hpp"

#include "analyzers/ast_helpers.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace sls::analyzers {
namespace {

const clang::Expr* strip(const clang::Expr* expr) {
  while (expr) {
    expr = expr->IgnoreParenImpCasts();
    if (const auto* bind = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(expr)) {
      expr = bind->getSubExpr();
    } else if (const auto* mat = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(expr)) {
      expr = mat->getSubExpr();
    } else if (const auto* cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(expr)) {
      expr = cleanups->getSubExpr();
    } else if (const auto* cast = llvm::dyn_cast<clang::ExplicitCastExpr>(expr)) {
      expr = cast->getSubExpr();
    } else {
      return expr;
    }
  }
  return expr;
}

// Locals that stand for the object rather than copy it.
bool is_alias_type(clang::QualType type) {
  return type->isReferenceType() || type->isPointerType() || type_mentions(type, {"iterator"});
}

// Methods whose result refers into the object they are called on.
bool refers_into_object(const clang::CXXMethodDecl& method) {
  return name_is_one_of(method.getNameAsString(),
                        {"at", "front", "back", "get", "value", "data", "find", "try_emplace", "emplace", "insert",
                         "begin", "end", "lower_bound", "upper_bound", "emplace_back", "emplace_front",
                         "operator[]", "operator*", "operator->"});
}

const clang::VarDecl* first_object(const clang::Expr& expr, const TuModel& model) {
  const auto* function = model.enclosing_function(expr);
  if (!function) return nullptr;
  const auto& objects = model.objects_of(*function);
  return objects.empty() ? nullptr : objects.front();
}

// The next expression towards the object, or the object when it is known;
// `done` is set when the walk ends.
const clang::Expr* step(const clang::Expr* expr, const TuModel& model, const clang::VarDecl*& found, bool& done) {
  done = true;
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr)) {
    const auto* decl = ref->getDecl();
    if (const auto* binding = llvm::dyn_cast<clang::BindingDecl>(decl)) decl = binding->getDecomposedDecl();
    const auto* var = llvm::dyn_cast_or_null<clang::VarDecl>(decl);
    if (!var || llvm::isa<clang::ParmVarDecl>(var)) return nullptr;
    if (var->hasGlobalStorage()) {
      found = var;
      return nullptr;
    }
    bool alias = is_alias_type(var->getType()) || llvm::isa<clang::DecompositionDecl>(var);
    done = !(alias && var->getInit());
    return done ? nullptr : var->getInit();
  }
  if (llvm::isa<clang::CXXThisExpr>(expr)) {
    found = first_object(*expr, model);
    return nullptr;
  }
  done = false;
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(expr)) return member->getBase();
  if (const auto* subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(expr)) return subscript->getBase();
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(expr);
      unary && (unary->getOpcode() == clang::UO_Deref || unary->getOpcode() == clang::UO_AddrOf)) {
    return unary->getSubExpr();
  }
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(expr); binary && binary->isAdditiveOp()) {
    return binary->getLHS()->getType()->isPointerType() ? binary->getLHS() : binary->getRHS();
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(expr); op && op->getNumArgs() >= 1) {
    auto kind = op->getOperator();
    if (kind == clang::OO_Subscript || kind == clang::OO_Arrow || kind == clang::OO_Star) return op->getArg(0);
  }
  if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(expr)) {
    const auto* method = call->getMethodDecl();
    if (method && refers_into_object(*method)) return call->getImplicitObjectArgument();
  }
  done = true;
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(expr); call && call->getDirectCallee()) {
    found = model.accessed_static(*call->getDirectCallee());
  }
  return nullptr;
}

}  // namespace

const clang::VarDecl* static_root(const clang::Expr* expr, const TuModel& model) {
  for (int depth = 0; depth < 24 && expr; ++depth) {
    const clang::VarDecl* found = nullptr;
    bool done = false;
    expr = step(strip(expr), model, found, done);
    if (found || done) return found;
  }
  return nullptr;
}

}  // namespace sls::analyzers

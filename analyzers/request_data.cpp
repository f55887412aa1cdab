// Request data flow (see request_data.hpp). The propagation is a
// flow-insensitive fixed point over the whole translation unit: a variable
// that receives request data anywhere holds request data everywhere. That
// over-approximates inside one function, which is what a rule about storing
// request data into globals wants: the store is a hazard if any path makes it.

#include "analyzers/request_data.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

namespace sls::analyzers {
namespace {

bool is_local(const clang::VarDecl* var) { return var && !var->hasGlobalStorage(); }

// The local object an argument designates when a call can write into it:
// `&out`, an array that decays to a pointer, `buf + n`.
const clang::VarDecl* written_local(const clang::Expr* arg) {
  arg = arg->IgnoreParenImpCasts();
  bool address = false;
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(arg); unary && unary->getOpcode() == clang::UO_AddrOf) {
    arg = unary->getSubExpr()->IgnoreParenImpCasts();
    address = true;
  } else if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(arg);
             binary && binary->isAdditiveOp() && binary->getType()->isPointerType()) {
    arg = binary->getLHS()->IgnoreParenImpCasts();
  }
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(arg);
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  if (!is_local(var)) return nullptr;
  return address || var->getType()->isArrayType() ? var : nullptr;
}

// A member operator's first argument is the object, not its first parameter.
unsigned parameter_offset(const clang::CallExpr& call) {
  return llvm::isa<clang::CXXOperatorCallExpr>(call) && llvm::isa_and_nonnull<clang::CXXMethodDecl>(call.getDirectCallee())
             ? 1
             : 0;
}

const clang::VarDecl* local_root(const clang::Expr* expr) {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr->IgnoreParenImpCasts());
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  return is_local(var) ? var : nullptr;
}

class Propagator : public clang::RecursiveASTVisitor<Propagator> {
public:
  explicit Propagator(RequestVars& vars) : m_vars(vars) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitVarDecl(clang::VarDecl* var) {
    if (is_local(var) && !llvm::isa<clang::ParmVarDecl>(var) && var->getInit() && derived(var->getInit())) add(var);
    return true;
  }

  bool VisitBinaryOperator(clang::BinaryOperator* op) {
    if (op->isAssignmentOp() && derived(op->getRHS())) add(local_root(op->getLHS()));
    return true;
  }

  bool VisitCXXOperatorCallExpr(clang::CXXOperatorCallExpr* op) {
    auto kind = op->getOperator();
    bool stores = kind == clang::OO_Equal || kind == clang::OO_PlusEqual || kind == clang::OO_LessLess;
    if (stores && op->getNumArgs() == 2 && derived(op->getArg(1))) add(local_root(op->getArg(0)));
    return true;
  }

  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr* call) {
    const auto* method = call->getMethodDecl();
    if (!method || method->isConst() || !call->getImplicitObjectArgument()) return true;
    for (const auto* arg : call->arguments()) {
      if (derived(arg)) add(local_root(call->getImplicitObjectArgument()));
    }
    return true;
  }

  bool VisitCallExpr(clang::CallExpr* call) {
    bool any = false;
    for (const auto* arg : call->arguments()) any = any || derived(arg);
    if (!any) return true;
    // snprintf(buf, n, "%s", query), memcpy(copy, body, len), decode(token, claims)
    const auto* callee = call->getDirectCallee();
    unsigned offset = parameter_offset(*call);
    for (unsigned i = offset; i < call->getNumArgs(); ++i) {
      if (const auto* out = written_local(call->getArg(i))) add(out);
      if (callee && i - offset < callee->getNumParams() &&
          is_mutable_reference(callee->getParamDecl(i - offset)->getType())) {
        add(local_root(call->getArg(i)));
      }
      const auto* definition = callee ? callee->getDefinition() : nullptr;
      if (definition && i - offset < definition->getNumParams() && derived(call->getArg(i))) {
        add(definition->getParamDecl(i - offset));
      }
    }
    return true;
  }

  bool VisitCXXConstructExpr(clang::CXXConstructExpr* construct) {
    add_parameters(*construct->getConstructor(), construct->arguments());
    return true;
  }

  bool VisitCXXForRangeStmt(clang::CXXForRangeStmt* loop) {
    if (loop->getRangeInit() && derived(loop->getRangeInit())) add(loop->getLoopVariable());
    return true;
  }

  bool m_changed = false;

private:
  static bool is_mutable_reference(clang::QualType type) {
    return type->isLValueReferenceType() && !type.getNonReferenceType().isConstQualified();
  }

  bool derived(const clang::Expr* expr) const { return expr && is_request_derived(*expr, m_vars); }

  void add(const clang::VarDecl* var) {
    if (var && m_vars.insert(var).second) m_changed = true;
  }

  // A function of this translation unit receives request data in the
  // parameters some call passes it to (the definition's parameters are the
  // ones its body refers to).
  template <typename Args>
  void add_parameters(const clang::FunctionDecl& callee, Args args) {
    const auto* definition = callee.getDefinition();
    if (!definition) return;
    unsigned i = 0;
    for (const auto* arg : args) {
      if (i < definition->getNumParams() && derived(arg)) add(definition->getParamDecl(i));
      ++i;
    }
  }

  RequestVars& m_vars;
};

}  // namespace

bool is_request_type(clang::QualType type) {
  type = type.getNonReferenceType();
  if (type->isPointerType()) type = type->getPointeeType();
  const auto* record = type->getAsRecordDecl();
  if (!record) return false;
  return name_is_one_of(qualified_name(*record),
                        {"sls::Request", "aws::lambda_runtime::invocation_request", "sls_request"});
}

bool is_request_source_call(const clang::CallExpr& call) {
  std::string name = callee_name(call);
  return name.starts_with("sls_request_") || name == "sls_context_request_id" || name == "sls::Context::request_id";
}

bool is_request_derived(const clang::Expr& expr, const RequestVars& vars) {
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(&expr)) {
    const auto* decl = ref->getDecl();
    if (const auto* binding = llvm::dyn_cast<clang::BindingDecl>(decl)) decl = binding->getDecomposedDecl();
    const auto* var = llvm::dyn_cast_or_null<clang::VarDecl>(decl);
    if (var && vars.contains(var)) return true;
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(&expr); call && is_request_source_call(*call)) return true;
  for (const auto* child : expr.children()) {
    const auto* child_expr = llvm::dyn_cast_or_null<clang::Expr>(child);
    if (child_expr && is_request_derived(*child_expr, vars)) return true;
  }
  return false;
}

void propagate_request_data(clang::ASTContext& ast, RequestVars& vars) {
  // Each round follows the data one step further (into a callee, out of a
  // buffer); real code needs a handful of steps.
  for (int round = 0; round < 12; ++round) {
    Propagator propagator(vars);
    propagator.TraverseAST(ast);
    if (!propagator.m_changed) return;
  }
}

}  // namespace sls::analyzers

#include "analyzers/rules/global_mutable_state.hpp"

#include "analyzers/ast_helpers.hpp"
#include "analyzers/once_guard.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

bool is_candidate(const clang::VarDecl& var) {
  auto type = var.getType();
  if (var.isImplicit() || type.isConstQualified() || var.isConstexpr() || type->isReferenceType()) return false;
  if (type->isArrayType() && type->getAsArrayTypeUnsafe()->getElementType().isConstQualified()) return false;
  return !is_synchronisation_type(type);
}

const char* kind_of(const clang::VarDecl& var) {
  if (var.isStaticLocal()) return "function-local static";
  if (var.isStaticDataMember()) return "static member";
  return "global";
}

// The value a write of an atomic stores: `flag.exchange(v)`, `flag.store(v)`,
// `flag.compare_exchange_strong(expected, v)`, `flag = v`.
const clang::Expr* stored_value(const clang::CallExpr& call) {
  unsigned index = 0;
  if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(&call); member && member->getMethodDecl()) {
    index = member->getMethodDecl()->getNameAsString().starts_with("compare_exchange") ? 1 : 0;
  } else if (llvm::isa<clang::CXXOperatorCallExpr>(call)) {
    index = 1;
  }
  return index < call.getNumArgs() ? call.getArg(index) : nullptr;
}

bool sets_true(const clang::Expr& use, clang::ASTContext& ast) {
  auto parents = ast.getParents(use);
  for (int depth = 0; depth < 3 && !parents.empty(); ++depth) {
    const clang::CallExpr* call = parents[0].get<clang::CXXMemberCallExpr>();
    if (!call) call = parents[0].get<clang::CXXOperatorCallExpr>();
    if (call) {
      const auto* value = stored_value(*call);
      bool result = false;
      return value && value->EvaluateAsBooleanCondition(result, ast) && result;
    }
    parents = ast.getParents(parents[0]);
  }
  return false;
}

bool is_atomic_bool(clang::QualType type) {
  const auto* specialization =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(type->getAsCXXRecordDecl());
  if (!specialization || qualified_name(*specialization) != "std::atomic") return false;
  const auto& args = specialization->getTemplateArgs();
  return args.size() == 1 && args[0].getKind() == clang::TemplateArgument::Type && args[0].getAsType()->isBooleanType();
}

// An std::atomic<bool> that is only ever set to true: an "already done" flag,
// designed to be shared by every request of the instance.
bool is_init_done_flag(const clang::VarDecl& var, const TuModel& model, clang::ASTContext& ast) {
  if (!is_atomic_bool(var.getType())) return false;
  for (const auto* use : model.uses_of(var)) {
    if (is_mutating_use(*use, ast) && !sets_true(*use, ast)) return false;
  }
  return true;
}

}  // namespace

void GlobalMutableStateCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(varDecl(hasGlobalStorage(), unless(parmVarDecl()), isExpansionInMainFile()).bind("var"), this);
}

void GlobalMutableStateCheck::check(const MatchFinder::MatchResult& result) {
  const auto* var = result.Nodes.getNodeAs<clang::VarDecl>("var");
  if (is_defining_declaration(*var) && is_candidate(*var)) m_vars.push_back(var);
}

// The first write that can happen per request, and the first at initialisation.
GlobalMutableStateCheck::Writes GlobalMutableStateCheck::find_writes(const clang::VarDecl& var) const {
  std::vector<const clang::Expr*> uses(model().uses_of(var).begin(), model().uses_of(var).end());
  for (const auto* call : model().reference_accessor_calls(var)) uses.push_back(call);
  Writes writes;
  for (const auto* use : uses) {
    if (!is_mutating_use(*use, ast())) continue;
    unsigned context = model().context_of(*use);
    bool per_request = (context & (k_context_handler | k_context_unknown | k_context_signal)) != 0;
    if (per_request && !is_lazy_init(*use, model())) {
      writes.per_request = use;
      return writes;
    }
    if (!writes.at_init) writes.at_init = use;
  }
  return writes;
}

void GlobalMutableStateCheck::on_end_of_translation_unit() {
  for (const auto* var : m_vars) {
    if (is_init_done_flag(*var, model(), ast())) continue;
    Writes writes = find_writes(*var);
    std::string name = std::string(kind_of(*var)) + " '" + var->getNameAsString() + "'";
    if (writes.per_request) {
      auto* finding = report(var->getLocation(), name + " is mutable state that handler code changes");
      context().add_note(finding, writes.per_request->getBeginLoc(), "changed here, per request");
      continue;
    }
    auto* finding = report(var->getLocation(), name + " is mutable static state, set only during initialisation");
    if (finding) finding->lowered = true;
    if (writes.at_init) context().add_note(finding, writes.at_init->getBeginLoc(), "written here, at initialisation");
  }
}

}  // namespace sls::analyzers

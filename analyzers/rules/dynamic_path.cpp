#include "analyzers/rules/dynamic_path.hpp"

#include "analyzers/file_access.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace sls::analyzers {
namespace {

// A local char buffer or string initialised from a literal (a mkstemp
// template, a path assembled in place): its prefix is still known.
std::optional<LiteralText> initial_literal(const clang::Expr* path) {
  if (const auto* call = path ? llvm::dyn_cast<clang::CXXMemberCallExpr>(path->IgnoreParenImpCasts()) : nullptr) {
    path = call->getImplicitObjectArgument();  // s.c_str(), s.data()
  }
  const auto* ref = path ? llvm::dyn_cast<clang::DeclRefExpr>(path->IgnoreParenImpCasts()) : nullptr;
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->getInit()) return std::nullopt;
  auto literal = literal_text(var->getInit());
  if (literal) literal->complete = false;
  return literal;
}

bool is_runtime_file(std::string_view prefix) { return is_tmp_path(prefix) || is_special_path(prefix); }

}  // namespace

void DynamicPathCheck::register_matchers(clang::ast_matchers::MatchFinder& finder) {
  add_file_access_matchers(finder, this);
}

void DynamicPathCheck::record_literal(const std::string& path, AssetKind kind, const clang::Stmt& site) {
  if (!is_runtime_file(path)) context().add_asset(path, kind, site.getBeginLoc());
}

// fn(const char* p) { fopen(p, "r"); } with every caller passing a literal.
bool DynamicPathCheck::trace_through_callers(const clang::Expr& path, AssetKind kind) {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(path.IgnoreParenImpCasts());
  const auto* param = ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
  const auto* function = param ? llvm::dyn_cast<clang::FunctionDecl>(param->getDeclContext()) : nullptr;
  if (!function) return false;
  auto calls = model().calls_to(*function);
  unsigned index = param->getFunctionScopeIndex();
  if (calls.empty()) return false;
  for (const auto* call : calls) {
    auto literal = call->getNumArgs() > index ? literal_text(call->getArg(index)) : std::nullopt;
    if (!literal || !literal->complete) return false;
  }
  for (const auto* call : calls) record_literal(literal_text(call->getArg(index))->text, kind, *call);
  return true;
}

void DynamicPathCheck::check(const clang::ast_matchers::MatchFinder::MatchResult& result) {
  const auto* site = result.Nodes.getNodeAs<clang::Stmt>("access");
  for (const auto& access : file_accesses(*site, ast())) {
    if (access.mode != AccessMode::Read || !access.path) continue;
    auto path = literal_text(access.path);
    if (path && path->complete) {
      record_literal(path->text, access.kind, *access.site);
      continue;
    }
    if (!path) path = initial_literal(access.path);
    if (path && is_runtime_file(path->text)) continue;
    if (trace_through_callers(*access.path, access.kind)) continue;
    std::string known = path && !path->text.empty() ? " (it starts with '" + path->text + "')" : "";
    report(access.path->getBeginLoc(), access.function + " opens a path that is not a literal" + known +
                                           ": the tracer cannot ship that file; list it under `include`");
  }
}

}  // namespace sls::analyzers

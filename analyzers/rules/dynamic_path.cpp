#include "analyzers/rules/dynamic_path.hpp"

#include "analyzers/ast_helpers.hpp"
#include "analyzers/file_access.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace sls::analyzers {
namespace {


// `std::ifstream in(sls::asset("data/x.csv"))`: the asset call is traced itself.
bool is_asset_call(const clang::Expr& path) {
  for (const auto* call : find_calls_any(&path)) {
    if (name_is_one_of(callee_name(*call), {"sls::asset", "sls_asset"})) return true;
  }
  return false;
}

bool is_removal(const FileAccess& access) {
  return name_is_one_of(access.function, {"unlink", "remove", "std::remove", "rmdir", "std::filesystem::remove",
                                          "std::filesystem::remove_all"});
}

bool is_runtime_file(std::string_view prefix) { return is_tmp_path(prefix) || is_special_path(prefix); }

}  // namespace

void DynamicPathCheck::register_matchers(clang::ast_matchers::MatchFinder& finder) {
  using namespace clang::ast_matchers;
  add_file_access_matchers(finder, this);
  finder.addMatcher(
      callExpr(isExpansionInMainFile(), callee(functionDecl(hasAnyName("::dlopen", "::dlmopen")))).bind("dlopen"),
      this);
}

// A library loaded through a computed name: which one ships is invisible.
void DynamicPathCheck::check_dlopen(const clang::CallExpr& call) {
  unsigned index = callee_name(call) == "dlmopen" ? 1 : 0;
  if (call.getNumArgs() <= index) return;
  const auto* path = call.getArg(index);
  auto literal = literal_text(path);
  if ((literal && literal->complete) || path->IgnoreParenImpCasts()->isNullPointerConstant(
                                            ast(), clang::Expr::NPC_ValueDependentIsNotNull)) {
    return;  // a literal is sls-dlopen's; dlopen(NULL) is the program itself
  }
  report(path->getBeginLoc(), "dlopen loads a library through a path that is not a literal: the tracer cannot ship "
                              "it; list it under `include`");
}

void DynamicPathCheck::record_literal(const std::string& path, AssetKind kind, const clang::Stmt& site) {
  if (!is_runtime_file(path)) context().add_asset(path, kind, site.getBeginLoc());
}

// fn(const char* p) { fopen(p, "r"); } with every caller passing a literal
// (traced instead) or a /tmp path (a runtime file).
bool DynamicPathCheck::trace_through_callers(const clang::Expr& path, const FileAccess& access) {
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(path.IgnoreParenImpCasts());
  const auto* param = ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
  const auto* function = param ? llvm::dyn_cast<clang::FunctionDecl>(param->getDeclContext()) : nullptr;
  if (!function) return false;
  auto calls = model().calls_to(*function);
  unsigned index = param->getFunctionScopeIndex();
  if (calls.empty()) return false;
  for (const auto* call : calls) {
    auto known = call->getNumArgs() > index ? known_text(call->getArg(index)) : std::nullopt;
    if (!known || !(known->complete || is_runtime_file(known->text))) return false;
  }
  for (const auto* call : calls) {
    auto known = known_text(call->getArg(index));
    if (known->complete && access.mode == AccessMode::Read) record_literal(known->text, access.kind, *call);
  }
  return true;
}

void DynamicPathCheck::check(const clang::ast_matchers::MatchFinder::MatchResult& result) {
  if (const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("dlopen")) {
    check_dlopen(*call);
    return;
  }
  const auto* site = result.Nodes.getNodeAs<clang::Stmt>("access");
  for (const auto& access : file_accesses(*site, ast())) {
    if (!access.path || is_asset_call(*access.path)) continue;
    auto path = known_text(access.path);
    if (path && path->complete) {
      if (access.mode == AccessMode::Read) record_literal(path->text, access.kind, *access.site);
      continue;  // a literal write outside /tmp is sls-write-outside-tmp's
    }
    if (path && is_runtime_file(path->text)) continue;
    if (access.mode == AccessMode::Write && (is_removal(access) || (path && is_known_outside_tmp(*path)))) {
      continue;  // cleanup cannot land anywhere new; a known outside-/tmp start is sls-write-outside-tmp's
    }
    if (trace_through_callers(*access.path, access)) continue;
    std::string known = path && !path->text.empty() ? " (it starts with '" + path->text + "')" : "";
    if (access.mode == AccessMode::Write) {
      report(access.path->getBeginLoc(), access.function + " writes to a path built at run time" + known +
                                             ": it can land outside /tmp, the only writable folder");
    } else {
      report(access.path->getBeginLoc(), access.function + " opens a path that is not a literal" + known +
                                             ": the tracer cannot ship that file; list it under `include`");
    }
  }
}

}  // namespace sls::analyzers

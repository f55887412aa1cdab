#include "analyzers/rules/tmp_lifecycle.hpp"

#include "analyzers/file_access.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

namespace sls::analyzers {
namespace {

constexpr std::initializer_list<std::string_view> k_existence_checks = {"access",
                                                                        "stat",
                                                                        "lstat",
                                                                        "faccessat",
                                                                        "std::filesystem::exists",
                                                                        "std::filesystem::is_regular_file",
                                                                        "std::filesystem::file_size",
                                                                        "std::filesystem::status"};

// The result of the open (the FILE*, fd or stream) is tested somewhere in `body`.
bool result_is_checked(const clang::Stmt* body, const clang::VarDecl* result) {
  if (!body || !result) return false;
  if (const auto* if_stmt = llvm::dyn_cast<clang::IfStmt>(body); if_stmt && mentions(if_stmt->getCond(), *result)) {
    return true;
  }
  if (const auto* loop = llvm::dyn_cast<clang::WhileStmt>(body); loop && mentions(loop->getCond(), *result))
    return true;
  if (const auto* ternary = llvm::dyn_cast<clang::ConditionalOperator>(body);
      ternary && mentions(ternary->getCond(), *result)) {
    return true;
  }
  if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(body)) {
    const auto* method = call->getMethodDecl();
    if (method && name_is_one_of(method->getNameAsString(), {"is_open", "good", "fail", "bad"}) &&
        mentions(call->getImplicitObjectArgument(), *result)) {
      return true;
    }
  }
  for (const auto* child : body->children()) {
    if (result_is_checked(child, result)) return true;
  }
  return false;
}

const clang::VarDecl* opened_variable(const clang::Stmt& site, clang::ASTContext& ast) {
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(&site)) return result_variable(*call, ast);
  auto parents = ast.getParents(site);
  return parents.empty() ? nullptr : parents[0].get<clang::VarDecl>();
}

}  // namespace

void TmpLifecycleCheck::register_matchers(clang::ast_matchers::MatchFinder& finder) {
  add_file_access_matchers(finder, this);
}

void TmpLifecycleCheck::check(const clang::ast_matchers::MatchFinder::MatchResult& result) {
  const auto* site = result.Nodes.getNodeAs<clang::Stmt>("access");
  for (const auto& access : file_accesses(*site, ast())) {
    auto path = literal_text(access.path);
    if (!path || !path->complete || !is_tmp_path(path->text) || path->text == "/tmp" || path->text == "/tmp/") continue;
    if (access.kind == AssetKind::Filesystem) continue;  // mkdir/remove/rename of /tmp entries manage the directory
    const auto* body = model().enclosing_body(*access.site);
    if (!find_calls(body, k_existence_checks).empty()) continue;
    if (access.mode == AccessMode::Write) {
      if (!model().may_be_handler(*access.site)) continue;
      report(access.site->getBeginLoc(), "'" + path->text +
                                             "' is a fixed name under /tmp: it outlives the invocation "
                                             "and is shared; use mkstemp for per-request files");
    } else if (!result_is_checked(body, opened_variable(*access.site, ast()))) {
      report(access.site->getBeginLoc(), "'" + path->text +
                                             "' is read from /tmp without checking that it exists: "
                                             "/tmp is empty on a new instance");
    }
  }
}

}  // namespace sls::analyzers

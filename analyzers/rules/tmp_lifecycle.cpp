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

// The result of the open (the FILE*, fd or stream) is tested somewhere in
// `body`. A read loop (`while (in >> word)`) is no test: on a new instance it
// silently reads nothing.
bool result_is_checked(const clang::Stmt* body, const clang::VarDecl* result) {
  if (!body || !result) return false;
  if (const auto* if_stmt = llvm::dyn_cast<clang::IfStmt>(body); if_stmt && mentions(if_stmt->getCond(), *result)) {
    return true;
  }
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

// `body` checks that this file exists: a check of the same name, of a
// computed name (which may be it), or of its folder.
bool checks_existence(const clang::Stmt* body, const LiteralText& path) {
  for (const auto* check : find_calls(body, k_existence_checks)) {
    auto checked = check->getNumArgs() > 0 ? literal_text(check->getArg(0)) : std::nullopt;
    if (!checked || !checked->complete || !path.complete || checked->text == path.text ||
        path.text.starts_with(checked->text + "/")) {
      return true;
    }
  }
  return false;
}

constexpr std::initializer_list<std::string_view> k_removals = {
    "unlink", "unlinkat", "remove", "std::remove", "rename", "std::rename", "rmdir", "nftw",
    "std::filesystem::remove", "std::filesystem::remove_all", "std::filesystem::rename"};

// `buf`, `s.c_str()`, `s.data()`, `&buf[0]`: the variable holding a path.
const clang::VarDecl* path_variable(const clang::Expr* path) {
  path = path ? path->IgnoreParenImpCasts() : nullptr;
  if (const auto* call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(path))
    path = call->getImplicitObjectArgument()->IgnoreParenImpCasts();
  if (const auto* address = llvm::dyn_cast_or_null<clang::UnaryOperator>(path);
      address && address->getOpcode() == clang::UO_AddrOf) {
    path = address->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto* element = llvm::dyn_cast_or_null<clang::ArraySubscriptExpr>(path))
    path = element->getBase()->IgnoreParenImpCasts();
  const auto* ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(path);
  return ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
}

// `var` is removed in `body`: passed to unlink/remove/rename, or to a function
// of this file that removes files (`cleanup(path)`).
bool is_removed_in(const clang::Stmt* body, const clang::VarDecl& var, int depth = 1) {
  for (const auto* call : find_calls_any(body)) {
    const auto* callee = call->getDirectCallee();
    bool removes = name_is_one_of(callee_name(*call), k_removals);
    const auto* definition = callee ? callee->getDefinition() : nullptr;
    bool helper_removes = depth > 0 && definition && definition->getBody() &&
                          !find_calls(definition->getBody(), k_removals).empty();
    if (!removes && !helper_removes) continue;
    for (const auto* arg : call->arguments()) {
      if (mentions(arg, var)) return true;
    }
  }
  return false;
}

bool is_returned(const clang::Stmt* body, const clang::VarDecl& var) {
  if (!body) return false;
  if (const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(body)) return mentions(ret, var);
  for (const auto* child : body->children()) {
    if (child && is_returned(child, var)) return true;
  }
  return false;
}

// The file is meant to outlive the function that made it: its name is
// returned, or it is not a local of this function (a parameter, a global).
bool escapes(const clang::Stmt* body, const clang::VarDecl& var) {
  return !var.isLocalVarDecl() || var.isStaticLocal() || is_returned(body, var);
}

const clang::VarDecl* opened_variable(const clang::Stmt& site, clang::ASTContext& ast) {
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(&site)) return result_variable(*call, ast);
  auto parents = ast.getParents(site);
  return parents.empty() ? nullptr : parents[0].get<clang::VarDecl>();
}

// The open initialises a member, in a constructor's initialiser list or a
// default member initialiser (the parent map skips the CXXCtorInitializer:
// an expression whose parent is the constructor itself initialises a member
// or a base).
bool initialises_member(const clang::Stmt& site, clang::ASTContext& ast) {
  clang::DynTypedNode node = clang::DynTypedNode::create(site);
  for (int depth = 0; depth < 8; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return false;
    if (parents[0].get<clang::CXXConstructorDecl>() || parents[0].get<clang::FieldDecl>()) return true;
    const auto* expr = parents[0].get<clang::Expr>();
    if (!expr || llvm::isa<clang::CallExpr>(expr)) return false;
    node = parents[0];
  }
  return false;
}

}  // namespace

void TmpLifecycleCheck::register_matchers(clang::ast_matchers::MatchFinder& finder) {
  using namespace clang::ast_matchers;
  add_file_access_matchers(finder, this);
  finder.addMatcher(callExpr(isExpansionInMainFile(), callee(functionDecl(hasAnyName(
                                                          "::mkstemp", "::mkstemps", "::mkostemp", "::mkostemps",
                                                          "::mkstemp64", "::mkdtemp"))))
                        .bind("unique"),
                    this);
}

// mkstemp("/tmp/x-XXXXXX") in handler code with the file never removed: a
// unique name, but one more file in /tmp on every warm invocation.
void TmpLifecycleCheck::check_unique_file(const clang::CallExpr& call) {
  const auto* var = call.getNumArgs() > 0 ? path_variable(call.getArg(0)) : nullptr;
  const auto* body = model().enclosing_body(call);
  if (!var || !body || !model().may_be_handler(call) || escapes(body, *var) || is_removed_in(body, *var)) return;
  report(call.getBeginLoc(), "'" + callee_name(call) +
                                 "' creates a file per request that is never removed: /tmp keeps it while the "
                                 "instance is warm and fills up; unlink it when done");
}

// A per-request name built at run time under /tmp ("/tmp/peaks-" + id),
// written in handler code and never removed.
void TmpLifecycleCheck::check_computed_name(const FileAccess& access, const clang::Stmt* body) {
  if (access.mode != AccessMode::Write || access.kind == AssetKind::Filesystem || !model().may_be_handler(*access.site))
    return;
  const auto* var = path_variable(access.path);
  if (var && (escapes(body, *var) || is_removed_in(body, *var))) return;
  if (!var && !find_calls(body, k_removals).empty()) return;
  report(access.site->getBeginLoc(), "a file is created under /tmp per request and never removed: /tmp keeps it "
                                     "while the instance is warm and fills up; remove it when done");
}

bool TmpLifecycleCheck::used_by_handler(const clang::VarDecl& handle) const {
  for (const auto* use : model().uses_of(handle)) {
    if (model().may_be_handler(*use)) return true;
  }
  return false;
}

// A fixed /tmp file opened for writing at init and kept open: a file written
// and closed at init is made once per instance, but one kept open is written
// by every request, grows while the instance is warm and is shared by
// concurrent requests.
void TmpLifecycleCheck::check_kept_open_at_init(const FileAccess& access, const LiteralText& path) {
  if (access.kind == AssetKind::Filesystem) return;
  if (const auto* handle = opened_variable(*access.site, ast())) {
    if (!handle->hasGlobalStorage() || !used_by_handler(*handle)) return;
  } else if (!initialises_member(*access.site, ast())) {
    return;  // a member is kept by the object made at init, since this open is init code
  }
  report(access.site->getBeginLoc(), "'" + path.text +
                                         "' is opened at init and kept open: every request of the instance writes "
                                         "to this one file, which grows while the instance is warm; open a "
                                         "per-request file (mkstemp) and remove it when done");
}

void TmpLifecycleCheck::check(const clang::ast_matchers::MatchFinder::MatchResult& result) {
  if (const auto* unique = result.Nodes.getNodeAs<clang::CallExpr>("unique")) {
    check_unique_file(*unique);
    return;
  }
  const auto* site = result.Nodes.getNodeAs<clang::Stmt>("access");
  for (const auto& access : file_accesses(*site, ast())) {
    auto path = literal_text(access.path);
    const auto* body = model().enclosing_body(*access.site);
    if (!path || !is_tmp_path(path->text) || path->text == "/tmp" || path->text == "/tmp/") continue;
    if (checks_existence(body, *path)) continue;  // a cache that looks before it writes
    if (!path->complete) {
      check_computed_name(access, body);
      continue;
    }
    if (access.kind == AssetKind::Filesystem) continue;  // mkdir/remove/rename of /tmp entries manage the directory
    if (access.mode == AccessMode::Write && !model().may_be_handler(*access.site)) {
      check_kept_open_at_init(access, *path);
    } else if (access.mode == AccessMode::Write) {
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

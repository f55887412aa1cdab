#include "analyzers/rules/dlopen.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

constexpr int k_rtld_noload = 0x4;

bool provided_by_runtime(std::string_view name) {
  for (std::string_view library : {"libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "ld-linux"}) {
    if (name.starts_with(library)) return true;
  }
  return false;
}

}  // namespace

void DlopenCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName("::dlopen", "::dlmopen")))).bind("call"), this);
}

void DlopenCheck::check(const MatchFinder::MatchResult& result) {
  const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  unsigned path_index = callee_name(*call) == "dlmopen" ? 1 : 0;
  if (call->getNumArgs() <= path_index + 1) return;
  const auto* path = call->getArg(path_index);
  if (path->isNullPointerConstant(ast(), clang::Expr::NPC_ValueDependentIsNotNull)) return;
  clang::Expr::EvalResult flags;
  if (call->getArg(path_index + 1)->EvaluateAsInt(flags, ast()) &&
      (flags.Val.getInt().getExtValue() & k_rtld_noload) != 0) {
    return;
  }
  auto literal = literal_text(path);
  if (literal && literal->complete) {
    if (provided_by_runtime(literal->text)) return;
    report(call->getBeginLoc(), "'" + literal->text + "' is loaded with dlopen: list it under `include` in sls.toml");
    return;
  }
  report(call->getBeginLoc(), "library loaded with dlopen through a name the tracer cannot see");
}

}  // namespace sls::analyzers

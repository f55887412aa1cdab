#include "analyzers/rules/init_unique_value.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

// Inside the initialiser of a static PRNG engine (sls-userspace-prng's case).
bool seeds_static_engine(const clang::Stmt& stmt, clang::ASTContext& ast) {
  clang::DynTypedNode node = clang::DynTypedNode::create(stmt);
  for (int depth = 0; depth < 32; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return false;
    if (const auto* var = parents[0].get<clang::VarDecl>()) {
      return var->hasGlobalStorage() && is_prng_engine_type(var->getType());
    }
    if (parents[0].get<clang::FunctionDecl>()) return false;
    node = parents[0];
  }
  return false;
}

}  // namespace

void InitUniqueValueCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName("::getrandom", "::getentropy", "::uuid_generate",
                                                            "::uuid_generate_random", "::uuid_generate_time",
                                                            "::arc4random", "::arc4random_buf", "::srand", "::srandom",
                                                            "::std::srand", "::srand48", "::RAND_bytes"))))
                        .bind("call"),
                    this);
  finder.addMatcher(
      cxxOperatorCallExpr(
          hasOverloadedOperatorName("()"),
          callee(cxxMethodDecl(ofClass(hasAnyName("::std::random_device", "::boost::uuids::random_generator_pure",
                                                  "::boost::uuids::basic_random_generator")))))
          .bind("call"),
      this);
  finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::fopen", "::open"))),
               hasArgument(0, ignoringParenImpCasts(stringLiteral(anyOf(hasSize(12), hasSize(11))).bind("path"))))
          .bind("call"),
      this);
}

void InitUniqueValueCheck::check(const MatchFinder::MatchResult& result) {
  const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  if (const auto* path = result.Nodes.getNodeAs<clang::StringLiteral>("path")) {
    if (path->getString() != "/dev/urandom" && path->getString() != "/dev/random") return;
  }
  if (!model().is_init(*call) || seeds_static_engine(*call, ast())) return;
  std::string what = llvm::isa<clang::CXXOperatorCallExpr>(call) ? "random_device" : callee_name(*call);
  report(call->getBeginLoc(), "'" + what +
                                  "' is evaluated during initialisation: instances restored from a "
                                  "snapshot all get this same value");
}

}  // namespace sls::analyzers

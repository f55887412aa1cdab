#include "analyzers/rules/userspace_prng.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

bool reseeded_in_handler(const clang::VarDecl& engine, const TuModel& model, clang::ASTContext& ast) {
  for (const auto* use : model.uses_of(engine)) {
    if (!model.may_be_handler(*use)) continue;
    auto parents = ast.getParents(*use);
    const auto* member = parents.empty() ? nullptr : parents[0].get<clang::MemberExpr>();
    if (member && member->getMemberDecl()->getNameAsString() == "seed") return true;
  }
  return false;
}

// rand_r(&seed) with `seed` in static storage: one sequence for the instance.
bool rand_r_state_is_static(const clang::CallExpr& call) {
  const auto* address = call.getNumArgs() == 1
                            ? llvm::dyn_cast<clang::UnaryOperator>(call.getArg(0)->IgnoreParenImpCasts())
                            : nullptr;
  if (!address || address->getOpcode() != clang::UO_AddrOf) return false;
  const auto* root = static_storage_root(address->getSubExpr());
  return root && root->hasGlobalStorage();
}

}  // namespace

void UserspacePrngCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(callExpr(isExpansionInMainFile(),
                             callee(functionDecl(hasAnyName("::rand", "::random", "::drand48", "::lrand48", "::mrand48",
                                                            "::erand48", "::nrand48", "::jrand48", "::std::rand",
                                                            "::rand_r"))))
                        .bind("call"),
                    this);
  finder.addMatcher(varDecl(hasGlobalStorage(), unless(parmVarDecl()), isExpansionInMainFile()).bind("var"), this);
}

void UserspacePrngCheck::check(const MatchFinder::MatchResult& result) {
  if (const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call")) {
    if (callee_name(*call) == "rand_r" && !rand_r_state_is_static(*call)) return;  // a per-request state is fine
    report(call->getBeginLoc(), "'" + callee_name(*call) +
                                    "' draws from a per-process generator: every instance "
                                    "started the same way produces the same numbers");
    return;
  }
  const auto* var = result.Nodes.getNodeAs<clang::VarDecl>("var");
  if (is_defining_declaration(*var) && is_prng_engine_type(var->getType())) m_engines.push_back(var);
}

void UserspacePrngCheck::on_end_of_translation_unit() {
  for (const auto* engine : m_engines) {
    if (reseeded_in_handler(*engine, model(), ast())) continue;
    report(engine->getLocation(), "random engine '" + engine->getNameAsString() +
                                      "' lives in static storage: cloned instances share its state");
  }
}

}  // namespace sls::analyzers

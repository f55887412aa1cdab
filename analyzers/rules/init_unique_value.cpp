#include "analyzers/rules/init_unique_value.hpp"

#include "analyzers/ast_helpers.hpp"
#include "analyzers/static_roots.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

// The static-storage variable `value` is stored in (`seed = time(NULL) ^ …;`
// or its initialiser), when that variable is later handed to a seeding call
// (`rand_r(&seed)`, `srand48(seed)`, `engine.seed(seed)`).
const clang::VarDecl* stored_seed(const clang::Expr& value, const TuModel& model) {
  auto& ast = model.ast();
  clang::DynTypedNode node = clang::DynTypedNode::create(value);
  const clang::VarDecl* var = nullptr;
  for (int depth = 0; depth < 12 && !var; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty() || parents[0].get<clang::CompoundStmt>()) return nullptr;
    if (const auto* decl = parents[0].get<clang::VarDecl>()) {
      var = decl->hasGlobalStorage() ? decl : nullptr;
      if (!var) return nullptr;
    } else if (const auto* assign = parents[0].get<clang::BinaryOperator>(); assign && assign->isAssignmentOp()) {
      var = static_root(assign->getLHS(), model);
      if (!var) return nullptr;
    }
    node = parents[0];
  }
  if (!var) return nullptr;
  for (const auto* use : model.uses_of(*var)) {
    if (seeding_call_of(*use, ast)) return var;
  }
  return nullptr;
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
  // Clock readings (and the pid) used as a seed: the same value in every clone.
  finder.addMatcher(callExpr(callee(functionDecl(anyOf(
                                 hasAnyName("::time", "::std::time", "::clock", "::std::clock", "::clock_gettime",
                                            "::gettimeofday", "::getpid"),
                                 matchesName("^::std::chrono::(_V2::)?[a-z_]+_clock::now$")))))
                        .bind("clock"),
                    this);
}

void InitUniqueValueCheck::check(const MatchFinder::MatchResult& result) {
  if (const auto* clock = result.Nodes.getNodeAs<clang::CallExpr>("clock")) {
    check_clock_seed(*clock);
    return;
  }
  const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  if (const auto* path = result.Nodes.getNodeAs<clang::StringLiteral>("path")) {
    if (path->getString() != "/dev/urandom" && path->getString() != "/dev/random") return;
  }
  if (!model().is_init(*call)) return;
  std::string what = llvm::isa<clang::CXXOperatorCallExpr>(call) ? "random_device" : callee_name(*call);
  report(call->getBeginLoc(), "'" + what +
                                  "' is evaluated during initialisation: instances restored from a "
                                  "snapshot all get this same value");
}

// `std::mt19937 g(now())`, `engine.seed(time(nullptr))` or `seed = time(NULL)`
// at init. A clock fed to srand is reported at the srand call already.
void InitUniqueValueCheck::check_clock_seed(const clang::CallExpr& clock) {
  if (!model().is_init(clock)) return;
  const auto* seeding = seeding_call_of(clock, ast());
  const auto* call = seeding ? llvm::dyn_cast<clang::CallExpr>(seeding) : nullptr;
  if (call && !llvm::isa<clang::CXXMemberCallExpr>(call)) return;
  if (!seeding && !stored_seed(clock, model())) return;
  report(clock.getBeginLoc(), "a generator is seeded from '" + callee_name(clock) +
                                  "' during initialisation: instances restored from a snapshot all "
                                  "draw the same sequence");
}

}  // namespace sls::analyzers

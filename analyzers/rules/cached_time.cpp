#include "analyzers/rules/cached_time.hpp"

#include "analyzers/ast_helpers.hpp"
#include "analyzers/static_roots.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

// `&g_ts` -> g_ts, `&s.last_seen` with s bound to a static map's entry.
const clang::VarDecl* address_target(const clang::Expr* expr, const TuModel& model) {
  expr = expr->IgnoreParenImpCasts();
  if (const auto* address = llvm::dyn_cast<clang::UnaryOperator>(expr);
      address && address->getOpcode() == clang::UO_AddrOf) {
    return static_root(address->getSubExpr(), model);
  }
  return nullptr;
}

// `a ^ b`, `a | b`, `a << 3`: a value mixed from the clock (a seed), no longer a reading.
bool mixes_bits(const clang::BinaryOperator& binary) {
  return binary.isBitwiseOp() || binary.isShiftOp();
}

// `a < cutoff` is a truth value and `now - last` a duration: no longer a clock reading.
bool ends_reading(const clang::CXXOperatorCallExpr& op) {
  switch (op.getOperator()) {
    case clang::OO_Less:
    case clang::OO_Greater:
    case clang::OO_LessEqual:
    case clang::OO_GreaterEqual:
    case clang::OO_EqualEqual:
    case clang::OO_ExclaimEqual:
    case clang::OO_Spaceship:
      return true;
    case clang::OO_Minus:
      return op.getNumArgs() == 2 && op.getArg(0)->getType().getCanonicalType().getUnqualifiedType() ==
                                         op.getArg(1)->getType().getCanonicalType().getUnqualifiedType();
    default:
      return false;
  }
}

const clang::VarDecl* value_destination(const clang::Expr& value, const TuModel& model, int budget,
                                        const clang::Stmt** store);

// A local holding the reading (`auto now = Clock::now();`) stored later on;
// `store` is set to the statement that stores it.
const clang::VarDecl* local_destination(const clang::VarDecl& local, const TuModel& model, int budget,
                                        const clang::Stmt** store) {
  const auto* body = model.enclosing_body(*local.getInit());
  if (!body || budget <= 0) return nullptr;
  for (const auto* ref : find_references(body, local)) {
    const clang::Stmt* inner = nullptr;
    if (const auto* var = value_destination(*ref, model, budget - 1, &inner)) {
      *store = inner ? inner : ref;
      return var;
    }
  }
  return nullptr;
}

// Where a clock reading ends up: the static variable (or a member of a
// static object) it initialises or is assigned to, through the locals that hold it.
const clang::VarDecl* value_destination(const clang::Expr& value, const TuModel& model, int budget,
                                        const clang::Stmt** store) {
  auto& ast = model.ast();
  clang::DynTypedNode node = clang::DynTypedNode::create(value);
  for (int depth = 0; depth < 12; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return nullptr;
    const auto* child = node.get<clang::Expr>();
    if (const auto* var = parents[0].get<clang::VarDecl>()) {
      if (var->hasGlobalStorage()) return var;
      if (!var->getInit() || var->getType()->isReferenceType()) return nullptr;
      return local_destination(*var, model, budget, store);
    }
    if (const auto* init = parents[0].get<clang::CXXCtorInitializer>()) {
      const auto* function = child ? model.enclosing_function(*child) : nullptr;
      const auto& objects = function ? model.objects_of(*function) : std::vector<const clang::VarDecl*>{};
      return init->getMember() && !objects.empty() ? objects.front() : nullptr;
    }
    if (const auto* binary = parents[0].get<clang::BinaryOperator>()) {
      if (binary->isAssignmentOp()) return binary->getRHS() == child ? static_root(binary->getLHS(), model) : nullptr;
      if (mixes_bits(*binary) || binary->isComparisonOp()) return nullptr;
    }
    if (const auto* op = parents[0].get<clang::CXXOperatorCallExpr>(); op && ends_reading(*op)) return nullptr;
    if (const auto* op = parents[0].get<clang::CXXOperatorCallExpr>(); op && op->getOperator() == clang::OO_Equal) {
      return op->getNumArgs() == 2 && op->getArg(1) == child ? static_root(op->getArg(0), model) : nullptr;
    }
    // Passing through casts, duration_cast, `+ seconds(…)` or time_since_epoch keeps the value a clock reading.
    if (!parents[0].get<clang::Expr>()) return nullptr;
    node = parents[0];
  }
  return nullptr;
}

const clang::VarDecl* static_destination(const clang::CallExpr& call, const TuModel& model, const clang::Stmt** store) {
  std::string name = callee_name(call);
  auto& ast = model.ast();
  if (name == "clock_gettime" && call.getNumArgs() == 2) return address_target(call.getArg(1), model);
  if ((name == "gettimeofday" || name == "time") && call.getNumArgs() >= 1 &&
      !call.getArg(0)->isNullPointerConstant(ast, clang::Expr::NPC_ValueDependentIsNotNull)) {
    if (const auto* out = address_target(call.getArg(0), model)) return out;
  }
  return value_destination(call, model, 2, store);
}


// `seed = time(NULL); … rand_r(&seed)`: a seed, not a time (sls-init-unique-value's).
bool is_seed(const clang::VarDecl& var, const TuModel& model) {
  for (const auto* use : model.uses_of(var)) {
    if (seeding_call_of(*use, model.ast())) return true;
  }
  return false;
}

}  // namespace

void CachedTimeCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(
      callExpr(isExpansionInMainFile(),
               callee(functionDecl(anyOf(hasAnyName("::time", "::std::time", "::clock_gettime", "::gettimeofday"),
                                         matchesName("^::std::chrono::(_V2::)?[a-z_]+_clock::now$")))))
          .bind("call"),
      this);
}

void CachedTimeCheck::check(const MatchFinder::MatchResult& result) {
  const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  // Stored at init or per request (a TTL stamp), the reading is stale after a freeze or a restore.
  const clang::Stmt* store = nullptr;
  const auto* var = static_destination(*call, model(), &store);
  if (!var || is_seed(*var, model())) return;
  report(store ? store->getBeginLoc() : call->getBeginLoc(), "clock reading stored in '" + var->getNameAsString() +
                                  "', which keeps it across freezes and snapshot restores");
}

}  // namespace sls::analyzers

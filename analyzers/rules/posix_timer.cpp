#include "analyzers/rules/posix_timer.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

std::optional<int64_t> constant_int(const clang::Expr* expr, clang::ASTContext& ast) {
  clang::Expr::EvalResult value;
  if (expr && expr->EvaluateAsInt(value, ast)) return value.Val.getInt().getExtValue();
  return std::nullopt;
}

bool is_sigalrm_registration(const clang::CallExpr& call, clang::ASTContext& ast) {
  if (call.getNumArgs() < 2 || constant_int(call.getArg(0), ast) != 14) return false;  // SIGALRM
  // signal(SIGALRM, SIG_IGN) and SIG_DFL turn the handler off.
  return !(callee_name(call) == "signal" && constant_int(call.getArg(1)->IgnoreParenCasts(), ast).has_value());
}

// A call that turns a timer off: alarm(0), ualarm(0, 0), timer_delete, close.
bool is_disarm_call(const clang::CallExpr& call, clang::ASTContext& ast) {
  std::string name = callee_name(call);
  if ((name == "alarm" || name == "ualarm") && call.getNumArgs() > 0) return constant_int(call.getArg(0), ast) == 0;
  return name == "timer_delete" || name == "close";
}

}  // namespace

void PosixTimerCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName("::alarm", "::ualarm", "::setitimer", "::timer_settime",
                                                            "::timerfd_settime", "::signal", "::sigaction",
                                                            "::timer_delete", "::close"))))
                        .bind("call"),
                    this);
}

void PosixTimerCheck::check(const MatchFinder::MatchResult& result) {
  const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  std::string name = callee_name(*call);
  if (name == "signal" || name == "sigaction") {
    if (is_sigalrm_registration(*call, *result.Context)) m_handlers.push_back(call);
  } else if (is_disarm_call(*call, *result.Context)) {
    if (const auto* function = model().enclosing_function(*call)) m_disarming_functions.push_back(function);
  } else if (name != "close" && name != "timer_delete") {
    m_arms.push_back(call);
  }
}

bool PosixTimerCheck::is_disarmed(const clang::CallExpr& arm) const {
  const auto* body = model().enclosing_body(arm);
  std::string arm_name = callee_name(arm);
  for (const auto* other : find_calls(
           body, {"alarm", "ualarm", "setitimer", "timer_settime", "timerfd_settime", "timer_delete", "close"})) {
    // The second of two setitimer calls is the one that resets the first.
    if (other != &arm && callee_name(*other) == arm_name && begins_before(*other, arm, ast()) && arm_name != "alarm" &&
        arm_name != "ualarm") {
      return true;
    }
  }
  for (const auto* later : find_calls(
           body, {"alarm", "ualarm", "setitimer", "timer_settime", "timerfd_settime", "timer_delete", "close"})) {
    if (!begins_before(arm, *later, ast())) continue;
    // A second setitimer/timer_settime on the same timer resets it; alarm(0) cancels.
    if (is_disarm_call(*later, ast()) || callee_name(*later) == arm_name) return true;
  }
  for (const auto* function : m_disarming_functions) {
    for (const auto* call : model().calls_to(*function)) {
      if (body && contains_node(*body, *call) && begins_before(arm, *call, ast())) return true;
    }
  }
  return false;
}

void PosixTimerCheck::on_end_of_translation_unit() {
  bool any_armed = false;
  for (const auto* arm : m_arms) {
    if (is_disarmed(*arm)) continue;
    any_armed = true;
    std::string name = callee_name(*arm);
    auto* finding =
        report(arm->getBeginLoc(), "timer armed with '" + name + "' is still armed when the function returns");
    for (const auto* handler : m_handlers)
      context().add_note(finding, handler->getBeginLoc(), "SIGALRM handler installed here");
  }
  if (any_armed || !m_arms.empty()) return;
  for (const auto* handler : m_handlers) {
    report(handler->getBeginLoc(), "SIGALRM handler installed for a timer armed outside this function's control");
  }
}

}  // namespace sls::analyzers

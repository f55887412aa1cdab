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

// SIGALRM, SIGVTALRM, SIGPROF: the signals timers deliver.
bool is_timer_signal_registration(const clang::CallExpr& call, clang::ASTContext& ast) {
  if (call.getNumArgs() < 2) return false;
  auto signal = constant_int(call.getArg(0), ast);
  if (signal != 14 && signal != 26 && signal != 27) return false;
  // signal(SIGALRM, SIG_IGN) and SIG_DFL turn the handler off.
  return !(callee_name(call) == "signal" && constant_int(call.getArg(1)->IgnoreParenCasts(), ast).has_value());
}

bool is_alarm(const std::string& name) { return name == "alarm" || name == "ualarm"; }

// A call that turns some timer off: alarm(0), ualarm(0, 0), timer_delete, close.
bool is_disarm_call(const clang::CallExpr& call, clang::ASTContext& ast) {
  std::string name = callee_name(call);
  if (is_alarm(name) && call.getNumArgs() > 0) return constant_int(call.getArg(0), ast) == 0;
  return name == "timer_delete" || name == "close";
}

constexpr std::initializer_list<std::string_view> k_timer_calls = {
    "alarm", "ualarm", "setitimer", "timer_create", "timer_delete", "timerfd_create", "timerfd_settime", "close"};

}  // namespace

void PosixTimerCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName("::alarm", "::ualarm", "::setitimer", "::timer_create",
                                                            "::timerfd_create", "::timerfd_settime", "::signal",
                                                            "::sigaction", "::timer_delete", "::close"))))
                        .bind("call"),
                    this);
}

void PosixTimerCheck::check(const MatchFinder::MatchResult& result) {
  const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  std::string name = callee_name(*call);
  if (name == "signal" || name == "sigaction") {
    if (is_timer_signal_registration(*call, *result.Context)) m_handlers.push_back(call);
  } else if (is_disarm_call(*call, *result.Context)) {
    if (const auto* function = model().enclosing_function(*call)) m_disarming_functions.emplace_back(function, call);
  } else if (name != "close" && name != "timer_delete") {
    m_arms.push_back(call);
  }
}

// True when `later` turns off what `arm` set up.
bool PosixTimerCheck::disarms(const clang::CallExpr& arm, const clang::CallExpr& later) const {
  std::string arm_name = callee_name(arm);
  std::string name = callee_name(later);
  bool off = is_disarm_call(later, ast());
  if (is_alarm(arm_name)) return is_alarm(name) && off;
  if (arm_name == "setitimer") return name == "setitimer";  // a second setitimer resets the first
  if (arm_name == "timer_create") return name == "timer_delete";
  if (arm_name == "timerfd_create" || arm_name == "timerfd_settime") return name == "close";
  // A handler installed around a guarded call: a timer turned off later
  // (close is too common a call to say so).
  return off && name != "close";
}

bool PosixTimerCheck::is_disarmed(const clang::CallExpr& arm) const {
  const auto* body = model().enclosing_body(arm);
  std::string arm_name = callee_name(arm);
  for (const auto* other : find_calls(body, k_timer_calls)) {
    // The second of two setitimer calls is the one that resets the first.
    if (other != &arm && arm_name == "setitimer" && callee_name(*other) == arm_name &&
        begins_before(*other, arm, ast())) {
      return true;
    }
    if (other != &arm && begins_before(arm, *other, ast()) && disarms(arm, *other)) return true;
  }
  for (const auto& [function, disarm] : m_disarming_functions) {
    if (!disarms(arm, *disarm)) continue;
    for (const auto* call : model().calls_to(*function)) {
      if (body && contains_node(*body, *call) && begins_before(arm, *call, ast())) return true;
    }
  }
  return false;
}

void PosixTimerCheck::on_end_of_translation_unit() {
  for (const auto* arm : m_arms) {
    if (is_disarmed(*arm)) continue;
    std::string name = callee_name(*arm);
    auto* finding =
        report(arm->getBeginLoc(), "timer set up with '" + name + "' is still armed when the function returns");
    for (const auto* handler : m_handlers)
      context().add_note(finding, handler->getBeginLoc(), "timer signal handler installed here");
  }
  for (const auto* handler : m_handlers) {
    if (is_disarmed(*handler)) continue;
    report(handler->getBeginLoc(),
           "timer signal handler installed: the timer it serves can fire inside a later invocation");
  }
}

}  // namespace sls::analyzers

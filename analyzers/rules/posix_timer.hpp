#pragma once
#include <string>
#include <utility>
#include <vector>

#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-posix-timer (docs/rules/sls-posix-timer.md): timers that outlive the
// function that arms them, in init or handler code: alarm, ualarm,
// setitimer, timer_create, timerfd_create and timerfd_settime, and the
// installation of a SIGALRM/SIGPROF/SIGVTALRM handler. Each is clean when
// the same function turns its timer off later (alarm(0), a second
// setitimer, timer_delete, close of the timerfd, or a call to a helper that
// does), which is the classic timeout guard.
class PosixTimerCheck : public Check {
public:
  PosixTimerCheck() : Check("sls-posix-timer") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
  void on_end_of_translation_unit() override;

private:
  bool is_disarmed(const clang::CallExpr& arm) const;
  bool disarms(const clang::CallExpr& arm, const clang::CallExpr& later) const;
  std::vector<const clang::CallExpr*> m_arms;
  std::vector<const clang::CallExpr*> m_handlers;
  // Helpers that turn a timer off, with the disarming call.
  std::vector<std::pair<const clang::FunctionDecl*, const clang::CallExpr*>> m_disarming_functions;
};

}  // namespace sls::analyzers

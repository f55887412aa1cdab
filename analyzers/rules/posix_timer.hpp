#pragma once
#include <vector>

#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-posix-timer: alarm/ualarm/setitimer/timer_settime/timerfd_settime that
// stay armed when the function returns, and SIGALRM handlers installed for
// timers this translation unit never arms (the timer is then set elsewhere).
// A timer disarmed later in the same function (alarm(0), a second setitimer,
// timer_delete, close of the timerfd, or a call to a helper that does one of
// these) is the classic timeout guard and is not reported.
class PosixTimerCheck : public Check {
public:
  PosixTimerCheck() : Check("sls-posix-timer") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
  void on_end_of_translation_unit() override;

private:
  bool is_disarmed(const clang::CallExpr& arm) const;
  std::vector<const clang::CallExpr*> m_arms;
  std::vector<const clang::CallExpr*> m_handlers;
  std::vector<const clang::FunctionDecl*> m_disarming_functions;
};

}  // namespace sls::analyzers

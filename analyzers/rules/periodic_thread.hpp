#pragma once
#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-periodic-thread: a thread (std::thread, std::jthread, pthread_create)
// whose body loops and sleeps: heartbeats, flushers, pollers. Not reported
// when the thread is joined in the function that starts it (its loop then
// ends within the invocation) or is a local std::jthread (joins on scope exit).
class PeriodicThreadCheck : public Check {
public:
  PeriodicThreadCheck() : Check("sls-periodic-thread") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

}  // namespace sls::analyzers

#pragma once
#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-exit-time-flush: work deferred to process exit: atexit/at_quick_exit
// handlers, SIGTERM/SIGINT handlers, __attribute__((destructor)) functions,
// and objects of static storage whose destructor does I/O (including
// std::ofstream, which flushes in its destructor). A local object that
// flushes when the handler's scope ends is fine.
class ExitTimeFlushCheck : public Check {
public:
  ExitTimeFlushCheck() : Check("sls-exit-time-flush") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

}  // namespace sls::analyzers

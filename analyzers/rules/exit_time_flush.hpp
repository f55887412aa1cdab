#pragma once
#include <set>

#include "analyzers/check.hpp"

namespace clang {
class Decl;
}  // namespace clang

namespace sls::analyzers {

// sls-exit-time-flush: work deferred to process exit: atexit/at_quick_exit
// handlers, SIGTERM/SIGINT handlers, __attribute__((destructor)) functions,
// and objects of static storage whose destructor does I/O (including
// std::ofstream, which flushes in its destructor). A local object that
// flushes when the handler's scope ends is fine. A destructor written in the
// file is reported at the destructor (the code that may never run), with the
// global as a note.
class ExitTimeFlushCheck : public Check {
public:
  ExitTimeFlushCheck() : Check("sls-exit-time-flush") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;

private:
  std::set<const clang::Decl*> m_reported;
};

}  // namespace sls::analyzers

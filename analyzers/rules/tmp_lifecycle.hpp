#pragma once
#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-tmp-lifecycle: /tmp is kept across warm invocations, empty on a new
// instance and shared by whatever runs in the instance. Reported: a file under
// /tmp with a fixed name written in handler code with no existence check (a
// per-request scratch file that should come from mkstemp), and a fixed /tmp
// file read with neither an existence check nor a check of the open result.
// A cache that checks for the file first, and mkstemp/tmpfile, are fine.
class TmpLifecycleCheck : public Check {
public:
  TmpLifecycleCheck() : Check("sls-tmp-lifecycle") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

}  // namespace sls::analyzers

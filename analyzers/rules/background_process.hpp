#pragma once
#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-background-process: fork/vfork/posix_spawn with no wait in the same
// function, popen with no pclose, system("… &"), daemon(). A child that the
// function waits for ends with the invocation and is not reported; plain
// system() waits by itself.
class BackgroundProcessCheck : public Check {
public:
  BackgroundProcessCheck() : Check("sls-background-process") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

}  // namespace sls::analyzers

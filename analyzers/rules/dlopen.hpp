#pragma once
#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-dlopen: dlopen/dlmopen of a library the bundler's DT_NEEDED tracer
// cannot see. dlopen(NULL) (the program itself), RTLD_NOLOAD probes and the
// C runtime libraries every runtime provides are not reported.
class DlopenCheck : public Check {
public:
  DlopenCheck() : Check("sls-dlopen") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

}  // namespace sls::analyzers

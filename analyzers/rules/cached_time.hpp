#pragma once
#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-cached-time: a clock reading (time, clock_gettime, gettimeofday,
// std::chrono clocks' now()) stored in static storage during
// initialisation, or in a static variable's initialiser. Timestamps that
// handler code refreshes (the "last refresh" of a TTL cache) are fine.
class CachedTimeCheck : public Check {
public:
  CachedTimeCheck() : Check("sls-cached-time") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

}  // namespace sls::analyzers

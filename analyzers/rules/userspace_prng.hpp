#pragma once
#include <vector>

#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-userspace-prng: rand()-family calls (their state is per process and,
// unseeded, identical in every instance) and <random> engines in static
// storage (cloned with the instance). An engine that handler code reseeds
// from fresh entropy is not reported; rand_r with a local seed is not.
class UserspacePrngCheck : public Check {
public:
  UserspacePrngCheck() : Check("sls-userspace-prng") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
  void on_end_of_translation_unit() override;

private:
  std::vector<const clang::VarDecl*> m_engines;
};

}  // namespace sls::analyzers

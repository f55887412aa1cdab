#pragma once
#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-init-unique-value: entropy, seeds and UUIDs produced during
// initialisation (global initialisers, constructor functions, main before
// run_handler): std::random_device, getrandom/getentropy, uuid_generate,
// srand, reads of /dev/urandom. The seed of a static PRNG engine is left to
// sls-userspace-prng, which reports the engine itself.
class InitUniqueValueCheck : public Check {
public:
  InitUniqueValueCheck() : Check("sls-init-unique-value") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

}  // namespace sls::analyzers

#pragma once
#include "analyzers/check.hpp"

namespace clang {
class CallExpr;
}  // namespace clang

namespace sls::analyzers {

// sls-init-unique-value: entropy, seeds and UUIDs produced during
// initialisation (global initialisers, constructor functions, main before
// run_handler): std::random_device, getrandom/getentropy, uuid_generate,
// srand, reads of /dev/urandom, and generators seeded from the clock at init
// (an engine constructed or .seed()ed with a clock reading, or a static seed
// variable set from the clock and handed to rand_r/srand48/an engine).
class InitUniqueValueCheck : public Check {
public:
  InitUniqueValueCheck() : Check("sls-init-unique-value") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;

private:
  void check_clock_seed(const clang::CallExpr& clock);
};

}  // namespace sls::analyzers

#pragma once
#include <vector>

#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-global-mutable-state: a non-const variable of static storage
// (namespace scope, static member, function-local static) that handler code
// writes. Only-read globals, globals written only during initialisation,
// lazily created caches (a write guarded by a check of the same variable or
// of a static flag, or inside std::call_once), synchronisation objects, and
// types other rules own (PRNG engines, threads, streams) are not reported.
class GlobalMutableStateCheck : public Check {
public:
  GlobalMutableStateCheck() : Check("sls-global-mutable-state") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
  void on_end_of_translation_unit() override;

private:
  std::vector<const clang::VarDecl*> m_vars;
};

}  // namespace sls::analyzers

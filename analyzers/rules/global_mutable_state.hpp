#pragma once
#include <vector>

#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-global-mutable-state: every non-const variable of static storage
// (namespace scope, static data member, function-local static, C file
// scope), whatever it holds. At the rule's severity when code that runs per
// request can change it: handler code (or code of a file without a handler),
// or a signal handler the file installs; one step lower when only
// initialisation writes it (initialisers, constructors, main before
// run_handler, threads started there, lazy first-use initialisation) or
// nothing does. Synchronisation objects (mutexes, condition variables, once
// flags, pthread_once_t) and a std::atomic<bool> that is only ever set to
// true (an init-done flag) are not reported.
class GlobalMutableStateCheck : public Check {
public:
  GlobalMutableStateCheck() : Check("sls-global-mutable-state") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
  void on_end_of_translation_unit() override;

private:
  struct Writes {
    const clang::Expr* per_request = nullptr;
    const clang::Expr* at_init = nullptr;
  };
  Writes find_writes(const clang::VarDecl& var) const;
  std::vector<const clang::VarDecl*> m_vars;
};

}  // namespace sls::analyzers

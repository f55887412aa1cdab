#pragma once
#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-ephemeral-data-at-init: credentials that expire (session tokens,
// secrets that rotate) read during initialisation: getenv of a name with
// TOKEN, SESSION, SECRET or CREDENTIAL in it, or a call to a function named
// like get_secret/fetch_token/assume_role. Not reported when handler code
// assigns the same static variable again (it is refreshed).
class EphemeralDataAtInitCheck : public Check {
public:
  EphemeralDataAtInitCheck() : Check("sls-ephemeral-data-at-init") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;

private:
  bool refreshed_in_handler(const clang::VarDecl& var) const;
};

}  // namespace sls::analyzers

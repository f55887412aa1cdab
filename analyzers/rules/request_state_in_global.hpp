#pragma once
#include <set>
#include <vector>

#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-request-state-in-global: a value derived from the request (the
// sls::Request or aws invocation_request parameter, or a local initialised
// from it) stored into static storage: assigned, inserted into a container,
// copied into a buffer. Arithmetic accumulation (metrics) and a global that
// the same function clears first are not reported.
class RequestStateInGlobalCheck : public Check {
public:
  RequestStateInGlobalCheck() : Check("sls-request-state-in-global") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
  void on_end_of_translation_unit() override;

private:
  void consider(const clang::Stmt& store, const clang::Expr* target, std::initializer_list<const clang::Expr*> values);
  bool cleared_before(const clang::Stmt& store, const clang::VarDecl& var) const;
  std::set<unsigned> m_reported_lines;
  std::vector<const clang::CXXMemberCallExpr*> m_keeping_calls;  // `g[key] = value` is one store, seen twice
};

}  // namespace sls::analyzers

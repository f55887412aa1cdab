#pragma once
#include <map>
#include <vector>

#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-unbounded-global-growth: a container in static storage that handler
// code appends to (push_back, insert, emplace, operator[] on a map, += on a
// string) when nothing in the translation unit ever bounds it: no clear,
// erase, pop, resize, swap, reassignment, and no size() comparison. Growth
// under a lazy-initialisation guard happens once and is not reported.
class UnboundedGlobalGrowthCheck : public Check {
public:
  UnboundedGlobalGrowthCheck() : Check("sls-unbounded-global-growth") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
  void on_end_of_translation_unit() override;

private:
  bool is_bounded(const clang::VarDecl& var) const;
  std::vector<std::pair<const clang::VarDecl*, const clang::Stmt*>> m_growth;
};

}  // namespace sls::analyzers

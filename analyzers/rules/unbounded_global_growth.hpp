#pragma once
#include <map>
#include <vector>

#include "analyzers/check.hpp"

namespace clang {
class ArraySubscriptExpr;
class FieldDecl;
class MemberExpr;
}  // namespace clang

namespace sls::analyzers {

// sls-unbounded-global-growth: a container in static storage that handler
// code appends to (push_back, insert, emplace, operator[] on a map, += on a
// string; also a member of a static object, and in C a store into a global
// array grown with realloc and never freed) when nothing in the translation
// unit ever bounds it: no clear, erase, pop, resize, swap, reassignment, no
// size() comparison in a condition, and for a member, none of these on that
// member. Growth under a lazy-initialisation guard happens once and is not
// reported.
class UnboundedGlobalGrowthCheck : public Check {
public:
  UnboundedGlobalGrowthCheck() : Check("sls-unbounded-global-growth") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
  void on_end_of_translation_unit() override;

private:
  struct Growth {
    const clang::VarDecl* var;
    const clang::FieldDecl* field;  // the member of `var` that grows, or null
    const clang::Stmt* site;
    bool realloc_array;  // a C array grown with realloc (checked for free() already)
  };
  void check_array_store(const clang::ArraySubscriptExpr& store);
  bool is_bounded(const Growth& growth) const;
  std::vector<Growth> m_growth;
  std::map<const clang::FieldDecl*, std::vector<const clang::MemberExpr*>> m_field_uses;
};

}  // namespace sls::analyzers

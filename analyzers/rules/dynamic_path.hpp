#pragma once
#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-dynamic-path: a file read through a path that is not a literal, so the
// data tracer cannot ship it. Also records every literal read path as a
// traced asset for the bundler. A path that is a parameter of a helper whose
// callers in this translation unit all pass literals is resolved through
// those calls. Runtime files (/tmp, /dev, /proc, /sys) are not deployment files.
class DynamicPathCheck : public Check {
public:
  DynamicPathCheck() : Check("sls-dynamic-path") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;

private:
  bool trace_through_callers(const clang::Expr& path, AssetKind kind);
  void record_literal(const std::string& path, AssetKind kind, const clang::Stmt& site);
};

}  // namespace sls::analyzers

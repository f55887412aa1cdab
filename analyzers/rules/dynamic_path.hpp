#pragma once
#include "analyzers/check.hpp"
#include "analyzers/file_access.hpp"

namespace sls::analyzers {

// sls-dynamic-path: a file read (or a library dlopen'ed) through a path that
// is not a literal, so the data tracer cannot ship it, and a file written
// through a path built at run time that can land outside /tmp. Also records
// every literal read path as a traced asset for the bundler. A path that is a
// parameter of a helper whose callers in this translation unit all pass
// literals (or /tmp paths) is resolved through those calls. Runtime files
// (/tmp, std::filesystem::temp_directory_path(), /dev, /proc, /sys) are not
// deployment files.
class DynamicPathCheck : public Check {
public:
  DynamicPathCheck() : Check("sls-dynamic-path") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;

private:
  bool trace_through_callers(const clang::Expr& path, const FileAccess& access);
  void check_dlopen(const clang::CallExpr& call);
  void record_literal(const std::string& path, AssetKind kind, const clang::Stmt& site);
};

}  // namespace sls::analyzers

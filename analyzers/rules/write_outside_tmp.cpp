#include "analyzers/rules/write_outside_tmp.hpp"

#include "analyzers/file_access.hpp"

namespace sls::analyzers {

void WriteOutsideTmpCheck::register_matchers(clang::ast_matchers::MatchFinder& finder) {
  add_file_access_matchers(finder, this);
}

void WriteOutsideTmpCheck::check(const clang::ast_matchers::MatchFinder::MatchResult& result) {
  const auto* site = result.Nodes.getNodeAs<clang::Stmt>("access");
  for (const auto& access : file_accesses(*site, ast())) {
    if (access.mode != AccessMode::Write) continue;
    auto path = literal_text(access.path);
    if (!path || !is_known_outside_tmp(*path)) continue;
    report(access.site->getBeginLoc(), access.function + " writes to '" + path->text + (path->complete ? "" : "…") +
                                           "', outside /tmp, the only writable directory");
  }
}

}  // namespace sls::analyzers

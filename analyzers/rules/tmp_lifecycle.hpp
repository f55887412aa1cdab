#pragma once
#include "analyzers/check.hpp"
#include "analyzers/file_access.hpp"

namespace sls::analyzers {

// sls-tmp-lifecycle: /tmp is kept across warm invocations, empty on a new
// instance and shared by whatever runs in the instance. Reported: a file under
// /tmp with a fixed name written in handler code with no existence check (a
// per-request scratch file that should come from mkstemp), and a fixed /tmp
// file read with neither an existence check nor a check of the open result.
// Also files made per request that are never removed, so /tmp fills up on a
// warm instance: a mkstemp file, or a name built at run time under /tmp; and a
// fixed /tmp file opened for writing at init and kept open (in a global used
// by handler code, or in a member of an object made at init), which every
// request then writes to.
// A cache that checks for the file first, mkstemp + unlink and tmpfile are
// fine.
class TmpLifecycleCheck : public Check {
public:
  TmpLifecycleCheck() : Check("sls-tmp-lifecycle") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;

private:
  void check_unique_file(const clang::CallExpr& call);
  void check_computed_name(const FileAccess& access, const clang::Stmt* body);
  void check_kept_open_at_init(const FileAccess& access, const LiteralText& path);
  bool used_by_handler(const clang::VarDecl& handle) const;
};

}  // namespace sls::analyzers

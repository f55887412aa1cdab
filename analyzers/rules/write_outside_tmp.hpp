#pragma once
#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-write-outside-tmp: a write (fopen "w"/"a"/"+", open with O_WRONLY/O_RDWR/
// O_CREAT, std::ofstream, mkdir, rename, remove…) to a literal path that is
// not under /tmp. Relative paths count: the working directory is the
// read-only deployment. /dev, /proc and /sys are not files of the deployment.
class WriteOutsideTmpCheck : public Check {
public:
  WriteOutsideTmpCheck() : Check("sls-write-outside-tmp") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

}  // namespace sls::analyzers

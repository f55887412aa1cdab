#pragma once
#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-instance-identity: getpid/gethostname/boot id used as a unique id:
// the value (or a string built from it) lands in a variable whose name says
// id, uuid, unique, nonce, token, key or seed, seeds a generator, or the boot
// id is read at all. getpid() in a log line is not reported.
class InstanceIdentityCheck : public Check {
public:
  InstanceIdentityCheck() : Check("sls-instance-identity") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

}  // namespace sls::analyzers

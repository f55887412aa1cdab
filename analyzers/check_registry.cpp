// Every check, in catalogue order (docs/design.md §7). Adding a rule: a file pair in
// rules/, a line here, an entry in rule_registry.cpp, a page in docs/rules/,
// a test input in tests/analyzers/inputs/.

#include "analyzers/check_registry.hpp"

#include "analyzers/check.hpp"
#include "analyzers/rules/background_process.hpp"
#include "analyzers/rules/cached_time.hpp"
#include "analyzers/rules/connection_lifecycle.hpp"
#include "analyzers/rules/detached_thread.hpp"
#include "analyzers/rules/dlopen.hpp"
#include "analyzers/rules/dynamic_path.hpp"
#include "analyzers/rules/ephemeral_data_at_init.hpp"
#include "analyzers/rules/exit_time_flush.hpp"
#include "analyzers/rules/global_mutable_state.hpp"
#include "analyzers/rules/init_unique_value.hpp"
#include "analyzers/rules/instance_identity.hpp"
#include "analyzers/rules/periodic_thread.hpp"
#include "analyzers/rules/posix_timer.hpp"
#include "analyzers/rules/request_state_in_global.hpp"
#include "analyzers/rules/tmp_lifecycle.hpp"
#include "analyzers/rules/unbounded_global_growth.hpp"
#include "analyzers/rules/userspace_prng.hpp"
#include "analyzers/rules/write_outside_tmp.hpp"

namespace sls::analyzers {

std::vector<std::unique_ptr<Check>> make_checks() {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(std::make_unique<GlobalMutableStateCheck>());
  checks.push_back(std::make_unique<RequestStateInGlobalCheck>());
  checks.push_back(std::make_unique<UnboundedGlobalGrowthCheck>());
  checks.push_back(std::make_unique<PosixTimerCheck>());
  checks.push_back(std::make_unique<PeriodicThreadCheck>());
  checks.push_back(std::make_unique<DetachedThreadCheck>());
  checks.push_back(std::make_unique<BackgroundProcessCheck>());
  checks.push_back(std::make_unique<ConnectionLifecycleCheck>());
  checks.push_back(std::make_unique<WriteOutsideTmpCheck>());
  checks.push_back(std::make_unique<TmpLifecycleCheck>());
  checks.push_back(std::make_unique<InitUniqueValueCheck>());
  checks.push_back(std::make_unique<UserspacePrngCheck>());
  checks.push_back(std::make_unique<CachedTimeCheck>());
  checks.push_back(std::make_unique<InstanceIdentityCheck>());
  checks.push_back(std::make_unique<EphemeralDataAtInitCheck>());
  checks.push_back(std::make_unique<ExitTimeFlushCheck>());
  checks.push_back(std::make_unique<DynamicPathCheck>());
  checks.push_back(std::make_unique<DlopenCheck>());
  return checks;
}

}  // namespace sls::analyzers

// Every check, in catalogue order (DESIGN §7). Adding a rule: a file pair in
// rules/, a line here, an entry in rule_registry.cpp, a page in docs/rules/,
// a test input in tests/analyzers/inputs/.

#include "analyzers/check_registry.hpp"

#include "analyzers/check.hpp"
#include "analyzers/rules/posix_timer.hpp"

namespace sls::analyzers {

std::vector<std::unique_ptr<Check>> make_checks() {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(std::make_unique<PosixTimerCheck>());
  return checks;
}

}  // namespace sls::analyzers

// The parts of lint.hpp that need no Clang: the sls executable links these
// directly; the driver itself lives in the lint engine (lint_engine.hpp).

#include <algorithm>

#include "analyzers/lint.hpp"

namespace sls::analyzers {

unsigned LintReport::count(Severity severity) const {
  return static_cast<unsigned>(std::count_if(findings.begin(), findings.end(),
                                             [&](const Finding& finding) { return finding.severity == severity; }));
}

int exit_status(const LintReport& report) {
  if (!report.failures.empty()) return 2;
  return report.count(Severity::Error) > 0 ? 1 : 0;
}

}  // namespace sls::analyzers

// GitLab's code quality report: a JSON array of Code Climate issues, each with
// description, check_name, fingerprint, severity (info, minor, major,
// critical, blocker) and location {path, lines {begin}}, the fields GitLab
// reads (docs/ci.md shows the job that uploads it). The fingerprint is the
// one SARIF carries, so a finding keeps its identity when lines move above it
// and GitLab's merge-request widget shows only new and fixed ones.
// Files that did not parse are issues too (blocker): a gap in the report
// must not look like a clean file.

#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

#include "analyzers/format/formatters.hpp"

namespace sls::analyzers {
namespace {

using nlohmann::json;

constexpr const char* k_failure_check = "sls-analysis-failure";

const char* severity_of(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "critical";
    case Severity::Warning:
      return "major";
    default:
      return "info";
  }
}

json location(const std::string& path, unsigned line) {
  return {{"path", path}, {"lines", {{"begin", line == 0 ? 1 : line}}}};
}

json issue(const Finding& finding, unsigned occurrence) {
  std::string description = finding.message;
  if (!finding.rationale.empty()) description += ": " + finding.rationale;
  return {{"type", "issue"},
          {"check_name", finding.rule_id},
          {"description", description},
          {"categories", {"Bug Risk"}},
          {"severity", severity_of(finding.severity)},
          {"fingerprint", finding_fingerprint(finding, occurrence)},
          {"location", location(finding.position.path, finding.position.line)}};
}

json failure_issue(const FileFailure& failure) {
  Finding as_finding;  // for a fingerprint that is stable across runs
  as_finding.rule_id = k_failure_check;
  as_finding.position.path = failure.path;
  return {{"type", "issue"},
          {"check_name", k_failure_check},
          {"description", "sls could not analyse this file: " + failure.message},
          {"categories", {"Bug Risk"}},
          {"severity", "blocker"},
          {"fingerprint", finding_fingerprint(as_finding, 0)},
          {"location", location(failure.path, 1)}};
}

}  // namespace

void write_codeclimate(std::ostream& out, const LintReport& report, const FormatOptions&) {
  json issues = json::array();
  std::map<std::string, unsigned> occurrences;
  for (const Finding& finding : report.findings) {
    unsigned occurrence = occurrences[finding_fingerprint(finding, 0)]++;
    issues.push_back(issue(finding, occurrence));
  }
  for (const FileFailure& failure : report.failures) issues.push_back(failure_issue(failure));
  out << issues.dump(2) << "\n";
}

}  // namespace sls::analyzers

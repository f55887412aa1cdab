// GitHub Actions workflow commands: one `::error file=…,line=…::message` per
// finding, which the Actions runner turns into annotations on the diff.

#include <ostream>
#include <string>

#include "analyzers/format/formatters.hpp"

namespace sls::analyzers {
namespace {

std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

const char* command_of(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    default:
      return "notice";
  }
}

}  // namespace

void write_github(std::ostream& out, const LintReport& report, const FormatOptions&) {
  for (const auto& failure : report.failures) {
    out << "::error file=" << escape_property(failure.path)
        << ",title=sls-parse-failure::" << escape_data(failure.message) << "\n";
  }
  for (const auto& finding : report.findings) {
    out << "::" << command_of(finding.severity) << " file=" << escape_property(finding.position.path)
        << ",line=" << finding.position.line << ",col=" << finding.position.column;
    if (finding.end_column > finding.position.column) out << ",endColumn=" << finding.end_column;
    out << ",title=" << escape_property(finding.rule_id) << "::" << escape_data(finding.message);
    if (!finding.rationale.empty()) out << escape_data("\n" + finding.rationale);
    out << "\n";
  }
}

}  // namespace sls::analyzers

// GNU diagnostics as clang prints them, which editors and terminals parse:
//   api/x.cpp:12:5: warning: message [rule]
//      12 |     alarm(5);
//         |     ^~~~~
//   api/x.cpp:12:5: note: why it matters here

#include <ostream>
#include <string>

#include "analyzers/format/formatters.hpp"

namespace sls::analyzers {
namespace {

const char* severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "\033[1;31m";
    case Severity::Warning:
      return "\033[1;35m";
    default:
      return "\033[1;36m";
  }
}

void write_heading(std::ostream& out, const SourcePosition& at, Severity severity, const std::string& message,
                   const std::string& rule, Color color) {
  bool on = color == Color::On;
  out << (on ? "\033[1m" : "") << at.path << ":" << at.line << ":" << at.column << ": "
      << (on ? severity_color(severity) : "") << severity_name(severity) << ": " << (on ? "\033[0m\033[1m" : "")
      << message;
  if (!rule.empty()) out << " [" << rule << "]";
  out << (on ? "\033[0m" : "") << "\n";
}

// Whitespace copied from the source line keeps tabs aligned under the caret.
std::string padding_to(const std::string& line, unsigned column) {
  std::string pad;
  for (unsigned i = 0; i + 1 < column; ++i) pad += (i < line.size() && line[i] == '\t') ? '\t' : ' ';
  return pad;
}

void write_snippet(std::ostream& out, const Finding& finding, Color color) {
  if (finding.source_line.empty()) return;
  std::string number = std::to_string(finding.position.line);
  std::string gutter(number.size() < 5 ? 5 - number.size() : 0, ' ');
  out << gutter << number << " | " << finding.source_line << "\n";
  std::string blank(gutter.size() + number.size(), ' ');
  unsigned width = finding.end_column > finding.position.column ? finding.end_column - finding.position.column : 1;
  out << blank << " | " << padding_to(finding.source_line, finding.position.column)
      << (color == Color::On ? "\033[1;32m" : "") << "^" << std::string(width - 1, '~')
      << (color == Color::On ? "\033[0m" : "") << "\n";
  for (const auto& fixit : finding.fixits) {
    if (fixit.begin.line != finding.position.line) continue;
    out << blank << " | " << padding_to(finding.source_line, fixit.begin.column) << fixit.replacement << "\n";
  }
}

}  // namespace

void write_gnu(std::ostream& out, const LintReport& report, const FormatOptions& options) {
  for (const auto& failure : report.failures) {
    out << failure.message << "\n";
    out << failure.path << ": error: file could not be analysed; the other files were checked [sls-parse-failure]\n";
  }
  for (const auto& finding : report.findings) {
    write_heading(out, finding.position, finding.severity, finding.message, finding.rule_id, options.color);
    write_snippet(out, finding, options.color);
    if (!finding.rationale.empty()) {
      write_heading(out, finding.position, Severity::Note, finding.rationale, "", options.color);
    }
    for (const auto& note : finding.notes)
      write_heading(out, note.position, Severity::Note, note.message, "", options.color);
    for (const auto& fixit : finding.fixits) {
      out << "fix-it:\"" << fixit.begin.path << "\":{" << fixit.begin.line << ":" << fixit.begin.column << "-"
          << fixit.begin.line << ":" << fixit.end_column << "}:\"" << fixit.replacement << "\"\n";
    }
  }
}

}  // namespace sls::analyzers

#pragma once
// Output formats of `sls lint` (docs/design.md §7): GNU text for terminals and
// editors, JSON (schema in docs/lint.md), SARIF 2.1.0 for code scanning,
// GitHub Actions workflow annotations, GitLab's code quality JSON (Code
// Climate issues). Formatters read only plain data.

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/lint.hpp"

namespace sls::analyzers {

enum class OutputFormat { Gnu, Json, Sarif, Github, CodeClimate };

enum class Color { Off, On };

struct FormatOptions {
  Color color = Color::Off;
  std::string tool_version = "0.1.0";
  std::string help_uri_base;    // empty: k_help_uri_base
  std::string source_root_uri;  // SARIF %SRCROOT% (absolute file:// URI ending in '/'); empty: omitted
  LintOptions lint;             // profile and overrides, for rule levels in SARIF
};

std::optional<OutputFormat> parse_output_format(std::string_view name);

void write_report(std::ostream& out, const LintReport& report, OutputFormat format, const FormatOptions& options);

void write_gnu(std::ostream& out, const LintReport& report, const FormatOptions& options);
void write_json(std::ostream& out, const LintReport& report, const FormatOptions& options);
void write_sarif(std::ostream& out, const LintReport& report, const FormatOptions& options);
void write_github(std::ostream& out, const LintReport& report, const FormatOptions& options);
void write_codeclimate(std::ostream& out, const LintReport& report, const FormatOptions& options);

// `sls lint --list-rules`: id, severity under the chosen profile, summary.
void write_rule_list(std::ostream& out, const LintOptions& options);

// A fingerprint of a finding that survives edits elsewhere in the file: rule,
// path, the text of the line (whitespace-trimmed) and its occurrence index.
std::string finding_fingerprint(const Finding& finding, unsigned occurrence);

}  // namespace sls::analyzers

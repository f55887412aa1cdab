#include "analyzers/format/formatters.hpp"

#include <cstdint>
#include <cstdio>
#include <iomanip>
#include <ostream>

#include "analyzers/rule_registry.hpp"

namespace sls::analyzers {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "gnu") return OutputFormat::Gnu;
  if (name == "json") return OutputFormat::Json;
  if (name == "sarif") return OutputFormat::Sarif;
  if (name == "github") return OutputFormat::Github;
  if (name == "codeclimate") return OutputFormat::CodeClimate;
  return std::nullopt;
}

void write_report(std::ostream& out, const LintReport& report, OutputFormat format, const FormatOptions& options) {
  switch (format) {
    case OutputFormat::Gnu:
      return write_gnu(out, report, options);
    case OutputFormat::Json:
      return write_json(out, report, options);
    case OutputFormat::Sarif:
      return write_sarif(out, report, options);
    case OutputFormat::Github:
      return write_github(out, report, options);
    case OutputFormat::CodeClimate:
      return write_codeclimate(out, report, options);
  }
}

void write_rule_list(std::ostream& out, const LintOptions& options) {
  out << "rules under profile '" << options.profile << "':\n";
  for (const auto& rule : all_rules()) {
    out << "  " << std::left << std::setw(30) << rule.id << std::setw(9)
        << severity_name(effective_severity(rule, options)) << rule.summary << "\n";
  }
}

std::string finding_fingerprint(const Finding& finding, unsigned occurrence) {
  std::string_view line = finding.source_line;
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bit
  auto mix = [&](std::string_view text) {
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
    hash = (hash ^ 0xff) * 1099511628211ull;
  };
  mix(finding.rule_id);
  mix(finding.position.path);
  mix(line);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%016llx:%u", static_cast<unsigned long long>(hash), occurrence);
  return buffer;
}

}  // namespace sls::analyzers

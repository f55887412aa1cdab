// The JSON output, schema "sls-lint/1" (documented in docs/lint.md). Field
// names and meanings are a contract for editors and CI scripts: add fields,
// never rename them.

#include <ostream>

#include <nlohmann/json.hpp>

#include "analyzers/format/formatters.hpp"
#include "analyzers/rule_registry.hpp"

namespace sls::analyzers {
namespace {

using nlohmann::json;

json position_json(const SourcePosition& position) {
  return {{"path", position.path}, {"line", position.line}, {"column", position.column}};
}

json finding_json(const Finding& finding, const std::string& uri_base) {
  json item = position_json(finding.position);
  item["rule"] = finding.rule_id;
  item["severity"] = severity_name(finding.severity);
  item["end_column"] = finding.end_column;
  item["message"] = finding.message;
  item["rationale"] = finding.rationale;
  item["help_uri"] = uri_base + finding.rule_id + ".md";
  item["notes"] = json::array();
  for (const auto& note : finding.notes) {
    json entry = position_json(note.position);
    entry["message"] = note.message;
    item["notes"].push_back(entry);
  }
  item["fixits"] = json::array();
  for (const auto& fixit : finding.fixits) {
    json entry = position_json(fixit.begin);
    entry["end_column"] = fixit.end_column;
    entry["replacement"] = fixit.replacement;
    item["fixits"].push_back(entry);
  }
  return item;
}

}  // namespace

void write_json(std::ostream& out, const LintReport& report, const FormatOptions& options) {
  std::string uri_base = options.help_uri_base.empty() ? k_help_uri_base : options.help_uri_base;
  json document = {{"schema", "sls-lint/1"},
                   {"findings", json::array()},
                   {"failures", json::array()},
                   {"traced_assets", json::array()}};
  for (const auto& finding : report.findings) document["findings"].push_back(finding_json(finding, uri_base));
  for (const auto& failure : report.failures) {
    document["failures"].push_back({{"path", failure.path}, {"message", failure.message}});
  }
  for (const auto& asset : report.assets) {
    json entry = position_json(asset.position);
    entry["asset"] = asset.path;
    entry["kind"] = asset_kind_name(asset.kind);
    document["traced_assets"].push_back(entry);
  }
  document["summary"] = {{"errors", report.count(Severity::Error)},
                         {"warnings", report.count(Severity::Warning)},
                         {"notes", report.count(Severity::Note)},
                         {"failures", report.failures.size()}};
  out << document.dump(2) << "\n";
}

}  // namespace sls::analyzers

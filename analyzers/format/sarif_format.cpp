// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: the whole
// rule catalogue as tool.driver.rules (with help URIs and default levels
// under the active profile), 1-based columns, stable partial fingerprints,
// related locations for notes, fixes for fix-its, and files that did not
// parse as tool execution notifications.

#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

#include "analyzers/format/formatters.hpp"
#include "analyzers/rule_registry.hpp"

namespace sls::analyzers {
namespace {

using nlohmann::json;

constexpr const char* k_sarif_schema = "https://json.schemastore.org/sarif-2.1.0.json";

const char* level_of(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
    case Severity::Off:
      return "none";
  }
  return "none";
}

// sls-posix-timer -> SlsPosixTimer (SARIF rule names are PascalCase).
std::string rule_name(std::string_view id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return name;
}

std::string sentence(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out.back() != '.') out += '.';
  return out;
}

json artifact(const std::string& path, bool with_base) {
  json location = {{"uri", path}};
  if (with_base) location["uriBaseId"] = "%SRCROOT%";
  return location;
}

json physical(const SourcePosition& at, unsigned end_column, bool with_base) {
  json region = {{"startLine", at.line}, {"startColumn", at.column}};
  if (end_column > at.column) region["endColumn"] = end_column;
  return {{"artifactLocation", artifact(at.path, with_base)}, {"region", region}};
}

json rules_json(const FormatOptions& options, const std::string& uri_base) {
  json rules = json::array();
  for (const auto& rule : all_rules()) {
    Severity severity = effective_severity(rule, options.lint);
    rules.push_back({{"id", std::string(rule.id)},
                     {"name", rule_name(rule.id)},
                     {"shortDescription", {{"text", sentence(rule.summary)}}},
                     {"fullDescription", {{"text", sentence(rule.rationale)}}},
                     {"helpUri", uri_base + std::string(rule.id) + ".md"},
                     {"help", {{"text", sentence(rule.summary) + " " + sentence(rule.rationale)}}},
                     {"defaultConfiguration", {{"level", level_of(severity)}, {"enabled", severity != Severity::Off}}},
                     {"properties", {{"tags", {"serverless", "correctness"}}}}});
  }
  return rules;
}

json result_json(const Finding& finding, unsigned occurrence, bool with_base) {
  json result = {{"ruleId", finding.rule_id},
                 {"level", level_of(finding.severity)},
                 {"message", {{"text", sentence(finding.message) + " " + sentence(finding.rationale)}}},
                 {"locations", {{{"physicalLocation", physical(finding.position, finding.end_column, with_base)}}}},
                 {"partialFingerprints", {{"slsFindingHash/v1", finding_fingerprint(finding, occurrence)}}}};
  for (const auto& rule : all_rules()) {
    if (rule.id == finding.rule_id) result["ruleIndex"] = &rule - all_rules().data();
  }
  if (!finding.notes.empty()) {
    json related = json::array();
    int id = 1;
    for (const auto& note : finding.notes) {
      related.push_back({{"id", id++},
                         {"physicalLocation", physical(note.position, 0, with_base)},
                         {"message", {{"text", sentence(note.message)}}}});
    }
    result["relatedLocations"] = related;
  }
  if (!finding.fixits.empty()) {
    json replacements = json::array();
    for (const auto& fixit : finding.fixits) {
      replacements.push_back(
          {{"deletedRegion",
            {{"startLine", fixit.begin.line}, {"startColumn", fixit.begin.column}, {"endColumn", fixit.end_column}}},
           {"insertedContent", {{"text", fixit.replacement}}}});
    }
    json change = {{"artifactLocation", artifact(finding.position.path, with_base)}, {"replacements", replacements}};
    json fix = {{"description", {{"text", "Apply the suggested replacement."}}},
                {"artifactChanges", json::array({change})}};
    result["fixes"] = json::array({fix});
  }
  return result;
}

json invocation_json(const LintReport& report, bool with_base) {
  json notifications = json::array();
  for (const auto& failure : report.failures) {
    notifications.push_back(
        {{"level", "error"},
         {"message", {{"text", sentence(failure.message)}}},
         {"locations", {{{"physicalLocation", {{"artifactLocation", artifact(failure.path, with_base)}}}}}}});
  }
  return {{"executionSuccessful", report.failures.empty()}, {"toolExecutionNotifications", notifications}};
}

}  // namespace

void write_sarif(std::ostream& out, const LintReport& report, const FormatOptions& options) {
  std::string uri_base = options.help_uri_base.empty() ? k_help_uri_base : options.help_uri_base;
  bool with_base = !options.source_root_uri.empty();
  json run = {{"tool",
               {{"driver",
                 {{"name", "sls-lint"},
                  {"semanticVersion", options.tool_version},
                  {"informationUri", uri_base},
                  {"rules", rules_json(options, uri_base)}}}}},
              {"invocations", {invocation_json(report, with_base)}},
              {"results", json::array()}};
  if (with_base) run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", options.source_root_uri}}}};
  std::map<std::string, unsigned> occurrences;
  for (const auto& finding : report.findings) {
    unsigned occurrence = occurrences[finding_fingerprint(finding, 0)]++;
    run["results"].push_back(result_json(finding, occurrence, with_base));
  }
  json document = {{"$schema", k_sarif_schema}, {"version", "2.1.0"}, {"runs", {run}}};
  out << document.dump(2) << "\n";
}

}  // namespace sls::analyzers

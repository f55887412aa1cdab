#include "lsp/features.hpp"

#include "analyzers/rule_registry.hpp"

namespace sls::lsp {
using nlohmann::json;

namespace {

bool lines_overlap(const json& a, const json& b) {
  return a.at("start").at("line").get<long>() <= b.at("end").at("line").get<long>() &&
         b.at("start").at("line").get<long>() <= a.at("end").at("line").get<long>();
}

// (line, character) pairs compare as positions do.
bool not_after(const json& a, const json& b) {
  long a_line = a.at("line").get<long>(), b_line = b.at("line").get<long>();
  return a_line < b_line || (a_line == b_line && a.at("character").get<long>() <= b.at("character").get<long>());
}

bool contains(const json& range, const json& position) {
  return not_after(range["start"], position) && not_after(position, range["end"]);
}

std::string hover_text(const analyzers::Finding& finding, const json& diagnostic) {
  std::string text = "**" + finding.rule_id + "** (" + analyzers::severity_name(finding.severity) + "): " +
                     finding.message;
  const analyzers::RuleInfo* rule = analyzers::find_rule(finding.rule_id);
  if (rule) text += "\n\n" + std::string(rule->rationale);  // the catalogue's, whatever the finding carries
  else if (!finding.rationale.empty()) text += "\n\n" + finding.rationale;
  if (diagnostic.contains("codeDescription"))
    text += "\n\n[" + finding.rule_id + " documentation](" + diagnostic["codeDescription"]["href"].get<std::string>() +
            ")";
  if (!finding.fixits.empty()) text += "\n\nA quick fix is available.";
  return text;
}

// The leading blanks of 0-based `line` of `text`.
std::string indentation_of(const std::string& text, long line) {
  std::size_t start = 0;
  for (long i = 0; i < line && start != std::string::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos) return "";
  std::size_t end = text.find_first_not_of(" \t", start);
  return text.substr(start, (end == std::string::npos ? text.size() : end) - start);
}

}  // namespace

json all_diagnostics(const std::vector<json>& diagnostics, const DocumentLint& lint) {
  json all = json::array();
  for (const json& diagnostic : diagnostics) all.push_back(diagnostic);
  for (const analyzers::FileFailure& failure : lint.report.failures) all.push_back(failure_diagnostic(failure));
  return all;
}

json hover_for(const std::vector<json>& diagnostics, const std::vector<analyzers::Finding>& findings,
               const json& position) {
  std::string text;
  json range;
  for (std::size_t i = 0; i < diagnostics.size() && i < findings.size(); ++i) {
    if (!contains(diagnostics[i]["range"], position)) continue;
    if (!text.empty()) text += "\n\n---\n\n";
    text += hover_text(findings[i], diagnostics[i]);
    if (range.is_null()) range = diagnostics[i]["range"];
  }
  if (text.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", range}};
}

json suppression_action(const analyzers::Finding& finding, const json& diagnostic, const DocumentView& view) {
  long line = diagnostic["range"]["start"]["line"].get<long>();
  json start = {{"line", line}, {"character", 0}};
  std::string comment = indentation_of(view.text, line) + "// NOLINTNEXTLINE(" + finding.rule_id + ")\n";
  json edit = {{"range", {{"start", start}, {"end", start}}}, {"newText", comment}};
  return {{"title", "sls: suppress " + finding.rule_id + " on this line (NOLINTNEXTLINE)"},
          {"kind", "quickfix"},
          {"diagnostics", json::array({diagnostic})},
          {"edit", {{"changes", {{view.uri, json::array({edit})}}}}}};
}

json code_actions_for(const std::vector<json>& diagnostics, const std::vector<analyzers::Finding>& findings,
                      const json& range, const DocumentView& view) {
  json actions = json::array();
  json suppressions = json::array();  // after every fix: a fix is the better answer
  for (std::size_t i = 0; i < diagnostics.size() && i < findings.size(); ++i) {
    if (!lines_overlap(diagnostics[i]["range"], range)) continue;
    if (auto fix = quick_fix(findings[i], diagnostics[i], view)) actions.push_back(*fix);
    suppressions.push_back(suppression_action(findings[i], diagnostics[i], view));
  }
  for (json& action : suppressions) actions.push_back(std::move(action));
  return actions;
}

}  // namespace sls::lsp

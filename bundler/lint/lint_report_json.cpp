#include "bundler/lint/lint_report_json.hpp"

namespace sls {
namespace {

namespace lint = analyzers;
using nlohmann::json;

json position_json(const lint::SourcePosition& p) { return {p.path, p.line, p.column}; }
lint::SourcePosition position_from(const json& j) {
  return {j.at(0).get<std::string>(), j.at(1).get<unsigned>(), j.at(2).get<unsigned>()};
}

json finding_json(const lint::Finding& f) {
  json notes = json::array(), fixits = json::array();
  for (const auto& note : f.notes) notes.push_back({position_json(note.position), note.message});
  for (const auto& fix : f.fixits) fixits.push_back({position_json(fix.begin), fix.end_column, fix.replacement});
  return {f.rule_id,
          static_cast<int>(f.severity),
          position_json(f.position),
          f.end_column,
          f.message,
          f.rationale,
          f.source_line,
          notes,
          fixits};
}

lint::Finding finding_from(const json& j) {
  lint::Finding f{j.at(0).get<std::string>(),
                  static_cast<lint::Severity>(j.at(1).get<int>()),
                  position_from(j.at(2)),
                  j.at(3).get<unsigned>(),
                  j.at(4).get<std::string>(),
                  j.at(5).get<std::string>(),
                  j.at(6).get<std::string>(),
                  {},
                  {}};
  for (const auto& note : j.at(7)) f.notes.push_back({position_from(note.at(0)), note.at(1).get<std::string>()});
  for (const auto& fix : j.at(8))
    f.fixits.push_back({position_from(fix.at(0)), fix.at(1).get<unsigned>(), fix.at(2).get<std::string>()});
  return f;
}

json report_json(const lint::LintReport& report) {
  json findings = json::array(), failures = json::array(), assets = json::array();
  for (const auto& finding : report.findings) findings.push_back(finding_json(finding));
  for (const auto& failure : report.failures) failures.push_back({failure.path, failure.message});
  for (const auto& asset : report.assets)
    assets.push_back({asset.path, static_cast<int>(asset.kind), position_json(asset.position)});
  return {findings, failures, assets};
}

lint::LintReport report_from(const json& j) {
  lint::LintReport report;
  for (const auto& finding : j.at(0)) report.findings.push_back(finding_from(finding));
  for (const auto& failure : j.at(1))
    report.failures.push_back({failure.at(0).get<std::string>(), failure.at(1).get<std::string>()});
  for (const auto& asset : j.at(2))
    report.assets.push_back({asset.at(0).get<std::string>(), static_cast<lint::AssetKind>(asset.at(1).get<int>()),
                             position_from(asset.at(2))});
  return report;
}

}  // namespace

json lint_report_json(const lint::LintReport& report) { return report_json(report); }

std::optional<lint::LintReport> lint_report_from_json(const json& j) {
  try {
    return report_from(j);
  } catch (const json::exception&) {
    return std::nullopt;  // an entry from another version
  }
}

std::string render_lint_report(const lint::LintReport& report) {
  return report_json(report).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<lint::LintReport> parse_lint_report(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return lint_report_from_json(j);
}

}  // namespace sls

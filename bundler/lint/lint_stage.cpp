#include "bundler/lint/lint_stage.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "analyzers/engine_fingerprint.hpp"  // generated: k_lint_engine_fingerprint
#include "analyzers/rule_registry.hpp"
#include "bundler/lint/lint_jobs.hpp"
#include "bundler/lint/lint_report_json.hpp"
#include "bundler/project/lint_settings.hpp"
#include "cache/step_cache.hpp"

namespace sls {
namespace {

namespace lint = analyzers;
using nlohmann::json;

// Bump when the format of a cached report changes. Results of other versions
// of the rules are told apart by the engine's fingerprint (options_key).
constexpr const char* k_lint_cache_version = "sls-lint-2";

std::string options_key(const lint::LintOptions& options) {
  std::vector<std::string> parts = {k_lint_cache_version, k_lint_engine_fingerprint, options.profile,
                                    options.report_unused_suppressions ? "u" : ""};
  for (const auto& [rule, severity] : options.severity_overrides)
    parts.push_back(rule + "=" + lint::severity_name(severity));
  return combine_keys(parts);
}

// The units of one compiled function, each with the flags (and prelude) it was compiled with.
std::vector<LintUnit> lint_units(const BuildContext& context, const PlannedFunction& planned,
                                 const BuiltFunction& function, const std::string& options_hash) {
  std::vector<LintUnit> units;
  UnitOptions options = context.project.unit_options(&planned, planned.platform());
  for (const BuiltFunction::Unit& unit : function.units) {
    options.prelude_pch = unit.prelude_pch;  // the parse starts from the same prelude as the compile
    units.push_back({planned.name(), build_lint_job(context, options, unit.source),
                     combine_keys({"lint", unit.key, options_hash}), {}});
  }
  return units;
}

AssetReference asset_reference(const lint::TracedAsset& asset) {
  return {
      asset.path, lint::asset_kind_name(asset.kind), {asset.position.path, asset.position.line, asset.position.column}};
}

}  // namespace

LintStage::LintStage(const BuildContext& context) : m_context(context), m_options(context.project.lint_options) {}

std::size_t LintStage::step_count() const {
  std::size_t steps = 0;
  for (const PlannedFunction& planned : m_context.project.plan)
    if (planned.compiles()) steps += planned.source->sources.size();
  return steps;
}

void LintStage::lint_function(const PlannedFunction& planned, const BuiltFunction& function) {
  // The options (the profile above all) may differ per function, so they are part of each unit's key.
  const lint::LintOptions options = lint_options_for_function(m_options, m_context.project.config.lint, planned);
  std::vector<LintUnit> units = lint_units(m_context, planned, function, options_key(options));
  std::size_t linted = 0, with_compile = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    LintUnit& unit = units[i];
    if (const auto& parsed = function.units[i].lint_report) {  // linted in its compile's parse
      unit.report = *parsed;
      m_context.progress.skipped();  // shown as its compile step
      if (unit.report.failures.empty()) m_context.store.put(unit.key, render_lint_report(unit.report));
      ++linted;
      ++with_compile;
      continue;
    }
    if (auto cached = m_context.store.get(unit.key)) {
      if (auto report = parse_lint_report(*cached)) {
        unit.report = std::move(*report);
        m_context.progress.skipped();
        continue;
      }
    }
    m_context.progress.started("lint", unit.job.display_path);
    unit.report = lint::lint({unit.job}, options);
    // A unit that could not be analysed (say, the lint engine did not load) is tried again next build.
    if (unit.report.failures.empty()) m_context.store.put(unit.key, render_lint_report(unit.report));
    ++linted;
  }
  std::lock_guard lock(m_mutex);
  m_units_linted += linted;
  m_units_with_compile += with_compile;
  m_units_cached += units.size() - linted;
  for (const LintUnit& unit : units)
    for (const auto& asset : unit.report.assets) m_assets[planned.name()].push_back(asset_reference(asset));
  m_units[planned.name()] = std::move(units);
}

std::vector<AssetReference> LintStage::traced_assets(const std::string& function) const {
  std::lock_guard lock(m_mutex);
  auto found = m_assets.find(function);
  return found == m_assets.end() ? std::vector<AssetReference>{} : found->second;
}

LintPassResult LintStage::finish() {
  LintPassResult result;
  result.options = m_options;
  result.units_linted = m_units_linted;
  result.units_cached = m_units_cached;
  result.units_with_compile = m_units_with_compile;
  result.assets = m_assets;
  std::set<std::string> seen;  // a finding in a shared header is reported by every unit including it
  for (const PlannedFunction& planned : m_context.project.plan) {  // plan order, whatever order the steps ran in
    auto found = m_units.find(planned.name());
    if (found == m_units.end()) continue;
    for (LintUnit& unit : found->second) {
      FunctionLintCounts& counts = result.counts[unit.function];
      counts.warnings += unit.report.count(lint::Severity::Warning);
      counts.errors += unit.report.count(lint::Severity::Error);
      for (lint::Finding& finding : unit.report.findings) {
        std::string identity = finding.rule_id + "\n" + finding.position.path + ":" +
                               std::to_string(finding.position.line) + ":" + std::to_string(finding.position.column) +
                               "\n" + finding.message;
        if (seen.insert(identity).second) result.report.findings.push_back(std::move(finding));
      }
      std::move(unit.report.failures.begin(), unit.report.failures.end(), std::back_inserter(result.report.failures));
    }
  }
  return result;
}

}  // namespace sls

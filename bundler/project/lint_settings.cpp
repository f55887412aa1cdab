#include "bundler/project/lint_settings.hpp"

#include "analyzers/rule_registry.hpp"
#include "core/spelling.hpp"

namespace sls {

analyzers::LintOptions lint_options_from_config(const LintSettings& settings, Diagnostics& diagnostics) {
  analyzers::LintOptions options;
  options.profile = settings.profile;
  std::vector<std::string> ids;
  for (const auto& rule : analyzers::all_rules()) ids.emplace_back(rule.id);
  for (const RuleSeveritySetting& setting : settings.severity) {
    auto severity = analyzers::parse_severity(setting.severity);
    if (!analyzers::find_rule(setting.rule)) {
      diagnostics.error(setting.location, "unknown lint rule '" + setting.rule + "'" + did_you_mean(setting.rule, ids),
                        "hint: sls lint --list-rules prints the catalogue");
    } else if (severity) {
      options.severity_overrides.emplace_back(setting.rule, *severity);
    }
  }
  return options;
}

analyzers::LintOptions lint_options_for_function(const analyzers::LintOptions& project_options,
                                                 const LintSettings& settings, const PlannedFunction& function) {
  analyzers::LintOptions options = project_options;
  bool profile_is_explicit = settings.profile_location.line != 0;
  if (function.concurrency > 1 && !profile_is_explicit) options.profile = "concurrent-instance";
  return options;
}

}  // namespace sls

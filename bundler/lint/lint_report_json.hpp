#pragma once
// A lint report as compact JSON: how the lint stage caches a unit's findings
// in the store, and how the build log replays a no-op's warnings.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "analyzers/lint.hpp"

namespace sls {

nlohmann::json lint_report_json(const analyzers::LintReport& report);
// nullopt for JSON of another shape (an entry from another version).
std::optional<analyzers::LintReport> lint_report_from_json(const nlohmann::json& j);

std::string render_lint_report(const analyzers::LintReport& report);
std::optional<analyzers::LintReport> parse_lint_report(const std::string& text);

}  // namespace sls

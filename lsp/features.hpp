#pragma once
// What the editor shows for a linted document besides the diagnostics
// themselves: the hover text of a finding (its rule, rationale and page) and
// the code actions on a range (the fix-it where the rule has one, and a
// NOLINTNEXTLINE suppression for every finding; docs/lint.md#suppressions).

#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/linter.hpp"
#include "lsp/protocol.hpp"

namespace sls::lsp {

// The findings' diagnostics followed by one per file that did not parse.
nlohmann::json all_diagnostics(const std::vector<nlohmann::json>& diagnostics, const DocumentLint& lint);

// A Hover for the findings under `position` (markdown), or null when there is none.
nlohmann::json hover_for(const std::vector<nlohmann::json>& diagnostics,
                         const std::vector<analyzers::Finding>& findings, const nlohmann::json& position);

// The quick fixes and suppressions of the findings whose lines overlap `range`.
nlohmann::json code_actions_for(const std::vector<nlohmann::json>& diagnostics,
                                const std::vector<analyzers::Finding>& findings, const nlohmann::json& range,
                                const DocumentView& view);

// Inserts `// NOLINTNEXTLINE(rule)` above the finding's line, indented like it.
nlohmann::json suppression_action(const analyzers::Finding& finding, const nlohmann::json& diagnostic,
                                  const DocumentView& view);

}  // namespace sls::lsp

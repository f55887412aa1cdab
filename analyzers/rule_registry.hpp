#pragma once
// The rule catalogue (docs/design.md §7): ids, default severity per profile, the
// one-line summary, and the platform fact each rule rests on. The checks that
// implement the rules are listed separately in check_registry.cpp.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "analyzers/finding.hpp"
#include "analyzers/lint.hpp"

namespace sls::analyzers {

// Where `docs/rules/<id>.md` is published. One place to change it; a build can
// override it with -DSLS_LINT_HELP_URI_BASE=... (see analyzers/CMakeLists.txt).
#ifndef SLS_LINT_HELP_URI_BASE
#define SLS_LINT_HELP_URI_BASE "https://sls.invalid/docs/rules/"
#endif
inline constexpr const char* k_help_uri_base = SLS_LINT_HELP_URI_BASE;

struct RuleInfo {
  std::string_view id;
  Severity lambda_default;
  Severity snapshot;
  Severity concurrent_instance;
  std::string_view summary;    // what it catches
  std::string_view rationale;  // why it matters: printed as the note under each finding
};

inline constexpr const char* k_unused_suppression_id = "sls-unused-suppression";

std::span<const RuleInfo> all_rules();
const RuleInfo* find_rule(std::string_view id);
std::span<const std::string_view> profile_names();
bool is_profile(std::string_view name);

// The severity `rule` has under `options` (profile, then overrides in order).
Severity effective_severity(const RuleInfo& rule, const LintOptions& options);

std::optional<Severity> parse_severity(std::string_view text);
std::string help_uri(std::string_view rule_id);

}  // namespace sls::analyzers

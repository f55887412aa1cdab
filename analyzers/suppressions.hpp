#pragma once
// clang-tidy style suppression comments: NOLINT, NOLINTNEXTLINE,
// NOLINTBEGIN/NOLINTEND, each with an optional (rule, rule-glob*) list.

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/finding.hpp"

namespace sls::analyzers {

class Suppressions {
public:
  // Scans the text of one source file for suppression comments.
  Suppressions(std::string_view source_text, std::string display_path);

  // True when a comment covers `rule_id` at `line`; marks the comment used.
  bool suppresses(std::string_view rule_id, unsigned line);

  // Comments that suppressed nothing, as findings of sls-unused-suppression.
  std::vector<Finding> unused() const;

  // Unbalanced NOLINTBEGIN/NOLINTEND, reported like clang-tidy does.
  const std::vector<Finding>& problems() const { return m_problems; }

private:
  struct Entry {
    unsigned first_line = 0;
    unsigned last_line = 0;
    unsigned column = 0;
    std::vector<std::string> rules;  // empty = every rule
    std::string text;                // the comment, for messages
    std::string source_line;
    bool used = false;
  };
  void scan_line(std::string_view line, unsigned number, std::vector<Entry>& open_blocks);
  static bool matches(const Entry& entry, std::string_view rule_id);

  std::string m_display_path;
  std::vector<Entry> m_entries;
  std::vector<Finding> m_problems;
};

}  // namespace sls::analyzers

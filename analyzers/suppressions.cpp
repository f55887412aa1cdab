#include "analyzers/suppressions.hpp"

#include <algorithm>
#include <limits>

#include "analyzers/rule_registry.hpp"

namespace sls::analyzers {
namespace {

std::vector<std::string> parse_rule_list(std::string_view text, size_t& consumed) {
  std::vector<std::string> rules;
  consumed = 0;
  if (text.empty() || text[0] != '(') return rules;
  auto close = text.find(')');
  if (close == std::string_view::npos) return rules;
  consumed = close + 1;
  std::string_view list = text.substr(1, close - 1);
  while (!list.empty()) {
    auto comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) rules.emplace_back(item);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return rules;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  if (pattern.ends_with("*")) return text.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == text;
}

}  // namespace

Suppressions::Suppressions(std::string_view source_text, std::string display_path)
    : m_display_path(std::move(display_path)) {
  std::vector<Entry> open_blocks;
  unsigned number = 1;
  while (true) {
    auto newline = source_text.find('\n');
    scan_line(source_text.substr(0, newline), number, open_blocks);
    if (newline == std::string_view::npos) break;
    source_text.remove_prefix(newline + 1);
    ++number;
  }
  for (const auto& block : open_blocks) {
    Finding problem;
    problem.rule_id = k_unused_suppression_id;
    problem.position = {m_display_path, block.first_line, block.column};
    problem.message = "unmatched NOLINTBEGIN without a subsequent NOLINTEND";
    problem.source_line = block.source_line;
    m_problems.push_back(problem);
  }
}

void Suppressions::scan_line(std::string_view line, unsigned number, std::vector<Entry>& open_blocks) {
  for (size_t pos = line.find("NOLINT"); pos != std::string_view::npos; pos = line.find("NOLINT", pos + 1)) {
    std::string_view rest = line.substr(pos + 6);
    Entry entry;
    entry.column = static_cast<unsigned>(pos + 1);
    entry.source_line = std::string(line);
    std::string kind;
    for (std::string_view word : {"NEXTLINE", "BEGIN", "END"}) {
      if (rest.starts_with(word)) {
        kind = std::string(word);
        rest.remove_prefix(word.size());
        break;
      }
    }
    size_t consumed = 0;
    entry.rules = parse_rule_list(rest, consumed);
    entry.text = std::string(line.substr(pos, 6 + kind.size() + consumed));
    if (kind.empty()) {
      entry.first_line = entry.last_line = number;
    } else if (kind == "NEXTLINE") {
      entry.first_line = entry.last_line = number + 1;
    } else if (kind == "BEGIN") {
      entry.first_line = number;
      open_blocks.push_back(entry);
      continue;
    } else {
      auto it = std::find_if(open_blocks.rbegin(), open_blocks.rend(),
                             [&](const Entry& open) { return open.rules == entry.rules; });
      if (it == open_blocks.rend()) {
        Finding problem;
        problem.rule_id = k_unused_suppression_id;
        problem.position = {m_display_path, number, entry.column};
        problem.message = "unmatched NOLINTEND without a previous NOLINTBEGIN";
        problem.source_line = entry.source_line;
        m_problems.push_back(problem);
        continue;
      }
      Entry block = *it;
      open_blocks.erase(std::next(it).base());
      block.last_line = number;
      m_entries.push_back(block);
      continue;
    }
    m_entries.push_back(entry);
  }
}

bool Suppressions::matches(const Entry& entry, std::string_view rule_id) {
  if (entry.rules.empty()) return true;
  return std::any_of(entry.rules.begin(), entry.rules.end(),
                     [&](const std::string& pattern) { return glob_match(pattern, rule_id); });
}

bool Suppressions::suppresses(std::string_view rule_id, unsigned line) {
  bool suppressed = false;
  for (auto& entry : m_entries) {
    if (line >= entry.first_line && line <= entry.last_line && matches(entry, rule_id)) {
      entry.used = true;
      suppressed = true;
    }
  }
  return suppressed;
}

std::vector<Finding> Suppressions::unused() const {
  std::vector<Finding> findings;
  for (const auto& entry : m_entries) {
    if (entry.used) continue;
    // Comments for other tools (NOLINT(bugprone-…)) are not ours to judge.
    bool ours = entry.rules.empty() || std::any_of(entry.rules.begin(), entry.rules.end(), [](const std::string& r) {
                  return r.starts_with("sls-") || r == "*";
                });
    if (!ours) continue;
    Finding finding;
    finding.rule_id = k_unused_suppression_id;
    finding.position = {m_display_path,
                        entry.first_line == entry.last_line && entry.text.find("NEXTLINE") != std::string::npos
                            ? entry.first_line - 1
                            : entry.first_line,
                        entry.column};
    finding.end_column = entry.column + static_cast<unsigned>(entry.text.size());
    finding.message = "'" + entry.text + "' suppresses no finding";
    finding.source_line = entry.source_line;
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace sls::analyzers

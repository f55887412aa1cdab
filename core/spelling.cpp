#include "core/spelling.hpp"

#include <algorithm>
#include <numeric>

namespace sls {
namespace {

// Levenshtein distance (insertions, deletions, replacements), one row at a
// time: the words compared are config keys and rule names, a few dozen bytes.
unsigned edit_distance(std::string_view from, std::string_view to) {
  std::vector<unsigned> row(to.size() + 1);
  std::iota(row.begin(), row.end(), 0u);
  for (std::size_t i = 1; i <= from.size(); ++i) {
    unsigned diagonal = row[0];  // row[i-1][j-1]
    row[0] = static_cast<unsigned>(i);
    for (std::size_t j = 1; j <= to.size(); ++j) {
      unsigned above = row[j];  // row[i-1][j]
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (from[i - 1] == to[j - 1] ? 0u : 1u)});
      diagonal = above;
    }
  }
  return row[to.size()];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Allow about one edit per three characters: "regoins" -> "regions", but
  // not "name" -> "arch".
  unsigned best_distance = std::max<unsigned>(2, static_cast<unsigned>(word.size() / 3)) + 1;
  std::optional<std::string> best;
  for (const std::string& candidate : candidates) {
    unsigned distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto match = closest_match(word, candidates);
  return match ? " (did you mean '" + *match + "'?)" : "";
}

}  // namespace sls

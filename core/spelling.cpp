#include "core/spelling.hpp"

#include <llvm/ADT/StringRef.h>

namespace sls {

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Allow about one edit per three characters: "regoins" -> "regions", but
  // not "name" -> "arch".
  unsigned best_distance = std::max<unsigned>(2, static_cast<unsigned>(word.size() / 3)) + 1;
  std::optional<std::string> best;
  for (const std::string& candidate : candidates) {
    unsigned distance = llvm::StringRef(word.data(), word.size())
                            .edit_distance(candidate, /*AllowReplacements=*/true, best_distance);
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

#include "bundler/output/cache_policy.hpp"

#include <regex>

#include "core/glob.hpp"

namespace sls {

bool is_fingerprinted(const std::string& path) {
  static const std::regex k_fingerprint("(^|/)[^/]*[.-][0-9a-fA-F]{8,}\\.[A-Za-z0-9]+$");
  return std::regex_search(path, k_fingerprint);
}

std::optional<std::string> static_cache_control(const std::vector<StaticRule>& rules, const std::string& path) {
  for (const StaticRule& rule : rules)
    if (glob_match(rule.glob, path)) return rule.cache_control;
  if (is_fingerprinted(path)) return k_immutable_cache_control;
  if (path.ends_with(".html") || path.ends_with(".htm")) return k_revalidate_cache_control;
  return std::nullopt;
}

}  // namespace sls

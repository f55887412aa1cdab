// Segment-by-segment route matching. Both strings are split on '/'; a literal segment must be
// equal, ":name" takes any one non-empty segment, and a last "*name" takes the remaining segments
// joined by '/'. Empty segments (from "//" or a trailing '/') are dropped on both sides, so
// "/api/users/42/" matches too.
#include "route.hpp"

#include <string>
#include <vector>

#include "url.hpp"

namespace sls::runtime {

namespace {
std::vector<std::string_view> split_segments(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const auto slash = text.find('/');
    const auto segment = text.substr(0, slash);
    if (!segment.empty()) out.push_back(segment);
    if (slash == std::string_view::npos) break;
    text = text.substr(slash + 1);
  }
  return out;
}

std::string join_rest(const std::vector<std::string_view>& segments, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < segments.size(); ++i) {
    if (i != from) out += '/';
    out += percent_decode(segments[i], PlusMeans::plus);
  }
  return out;
}
}  // namespace

std::optional<Fields> match_route(std::string_view route, std::string_view path) {
  const auto pattern = split_segments(route);
  const auto actual = split_segments(path);
  Fields params;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const auto segment = pattern[i];
    if (segment.front() == '*' && i + 1 == pattern.size()) {
      if (i >= actual.size()) return std::nullopt;
      params.emplace_back(std::string(segment.substr(1)), join_rest(actual, i));
      return params;
    }
    if (i >= actual.size()) return std::nullopt;
    if (segment.front() == ':') {
      params.emplace_back(std::string(segment.substr(1)), percent_decode(actual[i], PlusMeans::plus));
    } else if (segment != actual[i]) {
      return std::nullopt;
    }
  }
  if (pattern.size() != actual.size()) return std::nullopt;
  return params;
}

}  // namespace sls::runtime

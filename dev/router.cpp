#include "dev/router.hpp"

#include "dev/url.hpp"

namespace sls::dev {
namespace {

std::vector<std::string_view> segments_of(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return segments;
    path.remove_prefix(slash + 1);
  }
}

std::string join_from(const std::vector<std::string_view>& segments, std::size_t first) {
  std::string rest;
  for (std::size_t i = first; i < segments.size(); ++i) rest += (i > first ? "/" : "") + std::string(segments[i]);
  return rest;
}

}  // namespace

bool match_pattern(std::string_view pattern, std::string_view path,
                   std::vector<std::pair<std::string, std::string>>& params) {
  std::vector<std::string_view> wanted = segments_of(pattern), given = segments_of(path);
  params.clear();
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    std::string_view segment = wanted[i];
    if (segment.starts_with('*') && i + 1 == wanted.size()) {
      if (i >= given.size()) return false;
      params.emplace_back(std::string(segment.substr(1)), percent_decode(join_from(given, i)));
      return true;
    }
    if (i >= given.size()) return false;
    if (segment.starts_with(':')) {
      if (given[i].empty()) return false;
      params.emplace_back(std::string(segment.substr(1)), percent_decode(given[i]));
    } else if (percent_decode(given[i]) != segment) {
      return false;
    }
  }
  return wanted.size() == given.size();
}

std::optional<RouteMatch> Router::match_exactly(std::string_view path) const {
  RouteMatch match;
  for (const Route& route : m_routes) {
    if (match_pattern(route.pattern, path, match.params)) {
      match.route = &route;
      return match;
    }
  }
  return std::nullopt;
}

std::optional<RouteMatch> Router::match(std::string_view path) const {
  if (auto found = match_exactly(path)) return found;
  // A folder answers with its index.html, whether or not the request ends in '/'.
  std::string index = std::string(path) + (path.ends_with('/') ? "" : "/") + "index.html";
  auto found = match_exactly(index);
  if (found && found->route->kind == Route::Kind::Static) return found;
  return std::nullopt;
}

}  // namespace sls::dev

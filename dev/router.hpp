#pragma once
// The manifest's route table as a router: routes are tried in the manifest's order (static routes
// before routes with parameters), so /api/users/me wins over /api/users/:id. A segment ":name"
// matches one path segment, a final "*name" the rest of the path. A folder's index.html answers
// for the folder (/docs/ and /docs for /docs/index.html).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sls::dev {

struct Route {
  enum class Kind { Static, Function };
  std::string pattern;  // "/index.html", "/api/users/:id"
  Kind kind = Kind::Static;
  std::string target;  // a static file's path under public/ ("index.html") or a function name
};

struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;  // decoded, in pattern order
};

class Router {
public:
  Router() = default;
  explicit Router(std::vector<Route> routes) : m_routes(std::move(routes)) {}

  // `path` is the request path as sent (percent-encoded, no query).
  std::optional<RouteMatch> match(std::string_view path) const;
  const std::vector<Route>& routes() const { return m_routes; }

private:
  std::optional<RouteMatch> match_exactly(std::string_view path) const;

  std::vector<Route> m_routes;
};

// Whether `path` matches `pattern`, filling `params`.
bool match_pattern(std::string_view pattern, std::string_view path,
                   std::vector<std::pair<std::string, std::string>>& params);

}  // namespace sls::dev

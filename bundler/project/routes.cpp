#include "bundler/project/routes.hpp"

#include <set>
#include <sstream>

namespace sls {
namespace {

bool is_identifier(const std::string& text) {
  if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0]))) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

Expected<std::string> route_segment(const std::string& segment, std::set<std::string>& seen_params) {
  bool opens = segment.find('[') != std::string::npos;
  bool closes = segment.find(']') != std::string::npos;
  if (!opens && !closes) return segment;
  if (segment.front() != '[' || segment.back() != ']' || segment.size() < 3)
    return make_error("segment '" + segment + "' must be a whole [param] or contain no brackets");
  std::string param = segment.substr(1, segment.size() - 2);
  if (param.rfind("...", 0) == 0)
    return make_error("catch-all segment '" + segment + "' is not supported; use [param] segments");
  if (!is_identifier(param))
    return make_error("route parameter '" + param + "' must be an identifier (letters, digits, _)");
  if (!seen_params.insert(param).second) return make_error("route parameter '" + param + "' appears twice");
  return ":" + param;
}

}  // namespace

Expected<std::string> route_for_function(const std::string& name) {
  std::string route;
  std::set<std::string> seen_params;
  std::stringstream segments(name);
  std::string segment;
  while (std::getline(segments, segment, '/')) {
    auto mapped = route_segment(segment, seen_params);
    if (!mapped) return mapped.error();
    route += "/" + *mapped;
  }
  return route;
}

bool is_dynamic_route(const std::string& route) { return route.find("/:") != std::string::npos; }

std::string route_shape(const std::string& route) {
  std::string shape;
  for (std::size_t at = 0; at < route.size();) {
    std::size_t end = route.find('/', at + 1);
    std::string segment = route.substr(at, end == std::string::npos ? std::string::npos : end - at);
    shape += segment.rfind("/:", 0) == 0 ? std::string("/:") : segment;
    at = end == std::string::npos ? route.size() : end;
  }
  return shape;
}

}  // namespace sls

// Validates and normalises URL slugs for the CMS. Everything shared between
// requests is constant: the pattern, the reserved words and the region.
#include <sls/function.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <regex>
#include <string>
#include <string_view>

namespace {

constexpr std::array<std::string_view, 6> kReserved = {"admin", "api", "login", "logout", "static", "assets"};
const std::string kRegion = std::getenv("AWS_REGION") ? std::getenv("AWS_REGION") : "local";

bool reserved(const std::string& slug) {
  return std::find(kReserved.begin(), kReserved.end(), slug) != kReserved.end();
}

std::string normalise(std::string s) {
  static const std::regex kSeparators("[\\s_]+");
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::regex_replace(s, kSeparators, "-");
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  static const std::regex kValid("^[a-z0-9]+(-[a-z0-9]+)*$");
  const std::string slug = normalise(req.query("slug"));
  if (slug.empty() || slug.size() > 80) return sls::Response::text(400, "slug must be 1..80 characters");
  if (!std::regex_match(slug, kValid)) return sls::Response::text(422, "slug has invalid characters");
  if (reserved(slug)) return sls::Response::text(409, "slug is reserved");
  sls::Response res = sls::Response::json(200, "{\"slug\":\"" + slug + "\"}");
  res.set_header("x-served-from", kRegion);
  return res;
}

SLS_HANDLER(handle)

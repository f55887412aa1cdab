// Matching walks the pattern's segments against the path's segments; a `**`
// segment tries every split point (zero or more path segments), everything
// else goes to fnmatch for one segment. Paths are short, so the simple
// recursion is fast enough and easy to check.

#include "core/glob.hpp"

#include <fnmatch.h>

#include <vector>

namespace sls {
namespace {

std::vector<std::string> segments(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('/', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool match_from(const std::vector<std::string>& pattern, std::size_t p, const std::vector<std::string>& path,
                std::size_t s) {
  if (p == pattern.size()) return s == path.size();
  if (pattern[p] == "**") {
    for (std::size_t next = s; next <= path.size(); ++next) {
      if (match_from(pattern, p + 1, path, next)) return true;
    }
    return false;
  }
  if (s == path.size()) return false;
  if (::fnmatch(pattern[p].c_str(), path[s].c_str(), FNM_PATHNAME) != 0) return false;
  return match_from(pattern, p + 1, path, s + 1);
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  return match_from(segments(pattern), 0, segments(path), 0);
}

Status check_glob(std::string_view pattern) {
  if (pattern.empty()) return make_error("an include glob must not be empty");
  if (pattern.front() == '/' || pattern.front() == '~')
    return make_error("include glob '" + std::string(pattern) +
                      "' is absolute; globs are relative to the project folder");
  if (pattern == ".sls" || pattern.substr(0, 5) == ".sls/")
    return make_error("include glob '" + std::string(pattern) + "' names sls's output folder, which is never shipped");
  for (const std::string& segment : segments(pattern)) {
    if (segment == "..")
      return make_error("include glob '" + std::string(pattern) +
                        "' uses '..'; nothing outside the project folder is shipped");
  }
  return Ok{};
}

bool is_literal_glob(std::string_view pattern) { return pattern.find_first_of("*?[") == std::string_view::npos; }

}  // namespace sls

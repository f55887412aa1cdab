#pragma once
// `include` globs of sls.toml: fnmatch(3) per path segment (FNM_PATHNAME, so
// `*` never crosses a '/'), plus `**` as a whole segment for "any number of
// folders". Hidden files match like any other: the safety rules of
// assets.cpp, not the glob, decide whether .env or .git/ may ship, so the
// user is told instead of silently left out.

#include <string>
#include <string_view>

#include "core/expected.hpp"

namespace sls {

// True when the project-relative `path` ('/'-separated) matches `pattern`.
bool glob_match(std::string_view pattern, std::string_view path);

// Refuses globs that could reach outside the project (absolute ones, any with
// a ".." segment) or into the output folder (.sls/). The error says why.
Status check_glob(std::string_view pattern);

// True when the pattern has no wildcard: it names one file.
bool is_literal_glob(std::string_view pattern);

}  // namespace sls

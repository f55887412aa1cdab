#pragma once
// `include` globs of sls.toml: fnmatch(3) per path segment (FNM_PATHNAME |
// FNM_PERIOD, so `*` never crosses a '/' and never matches a leading dot),
// plus `**` as a whole segment for "any number of folders".

#include <string>
#include <string_view>

#include "core/expected.hpp"

namespace sls {

// True when the project-relative `path` ('/'-separated) matches `pattern`.
bool glob_match(std::string_view pattern, std::string_view path);

// Refuses globs that could reach outside the project: absolute ones, and any
// with a ".." segment. The error says why.
Status check_glob(std::string_view pattern);

// True when the pattern has no wildcard: it names one file.
bool is_literal_glob(std::string_view pattern);

}  // namespace sls

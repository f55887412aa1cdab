// Ordered name/value lists shared by requests and responses.
//
// HTTP allows repeated names and order can matter (Set-Cookie, query items), so the SDK keeps
// plain vectors of pairs instead of maps.
// Include guards, not #pragma once: see function.hpp.
#ifndef SLS_FIELDS_HPP
#define SLS_FIELDS_HPP

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sls {

using Field = std::pair<std::string, std::string>;
using Fields = std::vector<Field>;

// ASCII case-insensitive equality, the comparison HTTP uses for header names.
bool iequals(std::string_view a, std::string_view b) noexcept;

// The value of the first field named `name` (exact match), or empty.
std::string first_value(const Fields& fields, std::string_view name);

}  // namespace sls

#endif  // SLS_FIELDS_HPP

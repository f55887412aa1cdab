#pragma once
// Percent-decoding for paths and query strings (RFC 3986), as Lambda's HTTP API decodes them.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sls::dev {

enum class PlusMeans { Plus, Space };  // '+' is a space in a query string only

// A '%' not followed by two hex digits is kept as it is.
std::string percent_decode(std::string_view text, PlusMeans plus = PlusMeans::Plus);

// "a=1&b=x+y&a=2" -> {a,1}, {b,x y}, {a,2}: decoded, in order, empty items skipped.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

}  // namespace sls::dev

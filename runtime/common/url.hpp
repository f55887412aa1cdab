// URL decoding shared by both targets.
#pragma once

#include <string>
#include <string_view>

#include <sls/fields.hpp>

namespace sls::runtime {

enum class PlusMeans { plus, space };

// Decodes %XX escapes; a malformed escape is kept literally rather than rejected, as browsers do.
std::string percent_decode(std::string_view text, PlusMeans plus);

// "a=1&b=x+y&c" -> {a,1},{b,"x y"},{c,""}; names and values decoded, order kept, empty items
// skipped.
Fields parse_query(std::string_view raw_query);

}  // namespace sls::runtime

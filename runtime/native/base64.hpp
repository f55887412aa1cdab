// Standard base64 (RFC 4648 alphabet, '=' padding), for Lambda event and response bodies.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sls::runtime {

std::string base64_encode(std::string_view bytes);

// nullopt on a character outside the alphabet or bad padding. Whitespace is skipped.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace sls::runtime

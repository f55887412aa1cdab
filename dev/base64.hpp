#pragma once
// Base64 (RFC 4648, with padding) and a UTF-8 check: Lambda events and responses carry binary
// bodies as base64 with isBase64Encoded set.

#include <optional>
#include <string>
#include <string_view>

namespace sls::dev {

std::string base64_encode(std::string_view bytes);
// nullopt when `text` is not base64 (whitespace is skipped).
std::optional<std::string> base64_decode(std::string_view text);
bool is_valid_utf8(std::string_view bytes);

}  // namespace sls::dev

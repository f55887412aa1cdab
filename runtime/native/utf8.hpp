// UTF-8 validation: a Lambda response body must be valid UTF-8 text or be sent base64-encoded.
#pragma once

#include <string_view>

namespace sls::runtime {

// Strict RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view bytes) noexcept;

}  // namespace sls::runtime

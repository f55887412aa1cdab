// A UTF-8 sequence is a lead byte that announces 1-4 bytes, then continuation bytes 10xxxxxx. The
// second byte's range is narrowed after E0/ED/F0/F4 leads to reject overlong forms, UTF-16
// surrogates and code points above U+10FFFF (RFC 3629 section 4).
#include "utf8.hpp"

namespace sls::runtime {

namespace {
struct SecondByteRange {
  unsigned char low;
  unsigned char high;
};

SecondByteRange second_byte_range(unsigned char lead) noexcept {
  if (lead == 0xE0) return {0xA0, 0xBF};
  if (lead == 0xED) return {0x80, 0x9F};
  if (lead == 0xF0) return {0x90, 0xBF};
  if (lead == 0xF4) return {0x80, 0x8F};
  return {0x80, 0xBF};
}

int sequence_length(unsigned char lead) noexcept {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;  // continuation byte as lead, C0/C1 overlong leads, F5..FF
}
}  // namespace

bool is_valid_utf8(std::string_view bytes) noexcept {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    const int length = sequence_length(lead);
    if (length == 0 || i + length > bytes.size()) return false;
    for (int k = 1; k < length; ++k) {
      const auto byte = static_cast<unsigned char>(bytes[i + k]);
      const auto range = k == 1 ? second_byte_range(lead) : SecondByteRange{0x80, 0xBF};
      if (byte < range.low || byte > range.high) return false;
    }
    i += static_cast<std::size_t>(length);
  }
  return true;
}

}  // namespace sls::runtime

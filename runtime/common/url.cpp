// Percent-decoding and query-string splitting (application/x-www-form-urlencoded rules).
#include "url.hpp"

namespace sls::runtime {

namespace {
int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string percent_decode(std::string_view text, PlusMeans plus) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus == PlusMeans::space) {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

Fields parse_query(std::string_view raw_query) {
  Fields out;
  while (!raw_query.empty()) {
    const auto amp = raw_query.find('&');
    const auto item = raw_query.substr(0, amp);
    raw_query = amp == std::string_view::npos ? std::string_view() : raw_query.substr(amp + 1);
    if (item.empty()) continue;
    const auto eq = item.find('=');
    const auto name = item.substr(0, eq);
    const auto value = eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1);
    out.emplace_back(percent_decode(name, PlusMeans::space), percent_decode(value, PlusMeans::space));
  }
  return out;
}

}  // namespace sls::runtime

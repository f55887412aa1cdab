#include "lsp/text_edits.hpp"

namespace sls::lsp {
using nlohmann::json;

namespace {

// Bytes of the UTF-8 sequence that starts with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

Expected<std::size_t> byte_offset(const std::string& text, const json& position) {
  long line = position.at("line").get<long>();
  long character = position.at("character").get<long>();
  if (line < 0 || character < 0) return make_error("negative position");
  std::size_t offset = 0;
  for (long i = 0; i < line; ++i) {
    std::size_t newline = text.find('\n', offset);
    if (newline == std::string::npos)
      return make_error("line " + std::to_string(line) + " is past the end of the document (" + std::to_string(i + 1) +
                        " lines)");
    offset = newline + 1;
  }
  long units = 0;
  while (offset < text.size() && text[offset] != '\n' && units < character) {
    std::size_t length = sequence_length(static_cast<unsigned char>(text[offset]));
    units += length == 4 ? 2 : 1;  // a 4-byte sequence is a surrogate pair in UTF-16
    offset = std::min(text.size(), offset + length);
  }
  return offset;
}

Status apply_content_changes(std::string& text, const json& content_changes) {
  std::string result = text;
  for (const json& change : content_changes) {
    const std::string& new_text = change.at("text").get_ref<const std::string&>();
    if (!change.contains("range")) {
      result = new_text;
      continue;
    }
    auto begin = byte_offset(result, change["range"].at("start"));
    if (!begin) return begin.error();
    auto end = byte_offset(result, change["range"].at("end"));
    if (!end) return end.error();
    if (*end < *begin) return make_error("the range ends before it starts");
    result.replace(*begin, *end - *begin, new_text);
  }
  text = std::move(result);
  return Ok{};
}

}  // namespace sls::lsp

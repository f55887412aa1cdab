#include "lsp/json_rpc.hpp"

#include <charconv>
#include <string_view>

namespace sls::lsp {
namespace {

// Larger than any source file an editor sends; a length past it is a broken or hostile stream,
// and allocating it would end the server.
constexpr std::size_t k_max_message_bytes = 64u << 20;

// The header's value: decimal digits (surrounding blanks allowed) and within the limit, else 0,
// which no JSON-RPC message has.
std::size_t parse_length(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  std::size_t length = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
  if (error != std::errc() || end != text.data() + text.size() || length > k_max_message_bytes) return 0;
  return length;
}

// The headers of one message; nullopt at the end of the stream or without a Content-Length.
std::optional<std::size_t> read_content_length(std::istream& in, bool& ended) {
  std::optional<std::size_t> length;
  std::string line;
  ended = true;
  while (std::getline(in, line)) {
    ended = false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) return length;
    constexpr std::string_view k_header = "Content-Length:";
    if (line.size() > k_header.size() && line.compare(0, k_header.size(), k_header) == 0)
      length = parse_length(std::string_view(line).substr(k_header.size()));
  }
  ended = true;
  return std::nullopt;
}

}  // namespace

ReadResult read_message(std::istream& in) {
  bool ended = false;
  std::optional<std::size_t> length = read_content_length(in, ended);
  if (ended) return {ReadStatus::EndOfStream, {}};
  if (!length || *length == 0) return {ReadStatus::Malformed, {}};
  std::string body(*length, '\0');
  if (!in.read(body.data(), static_cast<std::streamsize>(body.size()))) return {ReadStatus::EndOfStream, {}};
  nlohmann::json message = nlohmann::json::parse(body, nullptr, false);
  if (message.is_discarded() || !message.is_object()) return {ReadStatus::Malformed, {}};
  return {ReadStatus::Message, std::move(message)};
}

void write_message(std::ostream& out, const nlohmann::json& message) {
  std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace sls::lsp

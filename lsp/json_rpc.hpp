#pragma once
// JSON-RPC 2.0 messages framed the way the Language Server Protocol frames
// them: "Content-Length: N\r\n" (other headers ignored), a blank line, then N
// bytes of JSON.

#include <istream>
#include <optional>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace sls::lsp {

enum class ReadStatus { Message, EndOfStream, Malformed };

struct ReadResult {
  ReadStatus status = ReadStatus::EndOfStream;
  nlohmann::json message;  // set when status == Message
};

// Blocks until one whole message has arrived (or the stream ends).
ReadResult read_message(std::istream& in);

// Frames and flushes one message.
void write_message(std::ostream& out, const nlohmann::json& message);

}  // namespace sls::lsp

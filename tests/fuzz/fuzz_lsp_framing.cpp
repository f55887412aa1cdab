// An editor's stream can be cut or garbled: framing must end in a message, the end of the
// stream or "malformed", for any bytes, and never wait for bytes a header promised but lied about.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "lsp/json_rpc.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  for (int messages = 0; messages < 64; ++messages) {
    sls::lsp::ReadResult result = sls::lsp::read_message(in);
    if (result.status == sls::lsp::ReadStatus::EndOfStream) break;
  }
  return 0;
}

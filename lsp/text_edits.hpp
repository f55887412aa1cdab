#pragma once
// Incremental text synchronisation (LSP TextDocumentSyncKind.Incremental):
// applying a didChange's contentChanges to the buffer the server holds.
// Ranges are 0-based lines and UTF-16 code units; the buffer is UTF-8.

#include <string>

#include <nlohmann/json.hpp>

#include "core/expected.hpp"

namespace sls::lsp {

// The byte offset of an LSP position in `text`. A character past the end of
// its line means the line's end (as the protocol says); a line past the end
// of the text is an error: the client and server no longer agree on the text.
Expected<std::size_t> byte_offset(const std::string& text, const nlohmann::json& position);

// Applies every change in order: one with a range replaces that range, one
// without replaces the whole text. On error `text` is left as it was.
Status apply_content_changes(std::string& text, const nlohmann::json& content_changes);

}  // namespace sls::lsp

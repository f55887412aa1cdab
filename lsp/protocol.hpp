#pragma once
// sls's lint results in the Language Server Protocol's terms: file URIs,
// 0-based UTF-16 positions, Diagnostic objects and quick-fix CodeActions.

#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "analyzers/finding.hpp"

namespace sls::lsp {

// "file:///a/b%5Bid%5D.cpp" <-> /a/b[id].cpp
std::string path_to_uri(const std::filesystem::path& path);
std::optional<std::filesystem::path> uri_to_path(const std::string& uri);

// What a finding's paths and columns are relative to.
struct DocumentView {
  std::string uri;
  std::string display_path;            // the document's path as findings name it
  std::filesystem::path project_root;  // other display paths are relative to this
  const std::string& text;             // the buffer that was linted
};

// A 1-based line and byte column as an LSP Position (0-based, UTF-16 code units).
nlohmann::json lsp_position(const std::string& text, unsigned line, unsigned byte_column);

// rule id as `code`, its page as `codeDescription.href`, notes as `relatedInformation`.
nlohmann::json to_diagnostic(const analyzers::Finding& finding, const DocumentView& view);

// A file that did not parse: one error at its top with the compiler's first messages.
nlohmann::json failure_diagnostic(const analyzers::FileFailure& failure);

// The quick fix applying every fix-it of `finding`; nullopt when it has none.
std::optional<nlohmann::json> quick_fix(const analyzers::Finding& finding, const nlohmann::json& diagnostic,
                                        const DocumentView& view);

}  // namespace sls::lsp

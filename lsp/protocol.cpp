#include "lsp/protocol.hpp"

#include "analyzers/rule_registry.hpp"

namespace sls::lsp {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool is_unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

// The text of 1-based `line`, without its newline; empty past the end.
std::string_view line_of(const std::string& text, unsigned line) {
  std::size_t start = 0;
  for (unsigned i = 1; i < line && start != std::string::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos || start > text.size()) return {};
  std::size_t end = text.find('\n', start);
  return std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// UTF-16 code units in the first `bytes` bytes of a UTF-8 line.
unsigned utf16_units(std::string_view line, std::size_t bytes) {
  unsigned units = 0;
  for (std::size_t i = 0; i < std::min(bytes, line.size()); ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    units += (c >= 0xF0) ? 2 : 1;      // 4-byte sequences are surrogate pairs
  }
  return units;
}

int lsp_severity(analyzers::Severity severity) {
  switch (severity) {
    case analyzers::Severity::Error:
      return 1;
    case analyzers::Severity::Warning:
      return 2;
    default:
      return 3;  // Information
  }
}

json range_of(const DocumentView& view, const analyzers::SourcePosition& begin, unsigned end_column) {
  json start = lsp_position(view.text, begin.line, begin.column);
  json end = end_column > begin.column
                 ? lsp_position(view.text, begin.line, end_column)
                 : json{{"line", start["line"]}, {"character", start["character"].get<unsigned>() + 1}};
  return {{"start", start}, {"end", end}};
}

std::string uri_for(const DocumentView& view, const std::string& display_path) {
  if (display_path == view.display_path) return view.uri;
  fs::path path(display_path);
  return path_to_uri(path.is_absolute() ? path : view.project_root / path);
}

}  // namespace

std::string path_to_uri(const fs::path& path) {
  static const char* k_hex = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : path.generic_string()) {
    if (is_unreserved(c))
      uri += static_cast<char>(c);
    else
      uri += {'%', k_hex[c >> 4], k_hex[c & 15]};
  }
  return uri;
}

std::optional<fs::path> uri_to_path(const std::string& uri) {
  constexpr std::string_view k_scheme = "file://";
  if (uri.rfind(k_scheme, 0) != 0) return std::nullopt;
  std::string path;
  for (std::size_t i = k_scheme.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(uri[i + 1]) && std::isxdigit(uri[i + 2])) {
      path += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  return fs::path(path);
}

json lsp_position(const std::string& text, unsigned line, unsigned byte_column) {
  unsigned zero_line = line > 0 ? line - 1 : 0;
  unsigned character = byte_column > 0 ? utf16_units(line_of(text, line), byte_column - 1) : 0;
  return {{"line", zero_line}, {"character", character}};
}

json to_diagnostic(const analyzers::Finding& finding, const DocumentView& view) {
  json diagnostic = {
      {"range", range_of(view, finding.position, finding.end_column)},
      {"severity", lsp_severity(finding.severity)},
      {"code", finding.rule_id},
      {"codeDescription", {{"href", analyzers::help_uri(finding.rule_id)}}},
      {"source", "sls"},
      {"message", finding.rationale.empty() ? finding.message : finding.message + "\n" + finding.rationale}};
  json related = json::array();
  for (const analyzers::Note& note : finding.notes) {
    related.push_back(
        {{"location", {{"uri", uri_for(view, note.position.path)}, {"range", range_of(view, note.position, 0)}}},
         {"message", note.message}});
  }
  if (!related.empty()) diagnostic["relatedInformation"] = related;
  return diagnostic;
}

json failure_diagnostic(const analyzers::FileFailure& failure) {
  json start = {{"line", 0}, {"character", 0}};
  return {{"range", {{"start", start}, {"end", start}}},
          {"severity", 1},
          {"source", "sls"},
          {"message", "sls could not analyse this file; fix these errors first:\n" + failure.message}};
}

std::optional<json> quick_fix(const analyzers::Finding& finding, const json& diagnostic, const DocumentView& view) {
  if (finding.fixits.empty()) return std::nullopt;
  json changes = json::object();
  for (const analyzers::FixIt& fix : finding.fixits) {
    json range = range_of(view, fix.begin, fix.end_column);
    if (fix.end_column <= fix.begin.column) range["end"] = range["start"];  // an insertion
    std::string uri = fix.begin.path.empty() ? view.uri : uri_for(view, fix.begin.path);
    changes[uri].push_back({{"range", range}, {"newText", fix.replacement}});
  }
  return json{{"title", "sls: fix " + finding.rule_id},
              {"kind", "quickfix"},
              {"diagnostics", json::array({diagnostic})},
              {"isPreferred", true},
              {"edit", {{"changes", changes}}}};
}

}  // namespace sls::lsp

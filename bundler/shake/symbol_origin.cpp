#include "bundler/shake/symbol_origin.hpp"

#include <cctype>
#include <map>

#include "core/file_system.hpp"

namespace sls {
namespace {

// Symbols GCC 12's static runtime libraries take from a newer glibc, and what in a source uses them.
const std::map<std::string, std::string> k_library_origins = {
    {"arc4random", "std::random_device, in the static libstdc++"},
    {"arc4random_buf", "std::random_device, in the static libstdc++"},
    {"arc4random_uniform", "std::random_device, in the static libstdc++"},
    {"_dl_find_object", "exception unwinding, in the static libgcc"},
};

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The 1-based lines of `text` where `symbol` appears as a whole word followed by '('.
std::vector<std::size_t> call_lines(const std::string& text, const std::string& symbol) {
  std::vector<std::size_t> lines;
  for (std::size_t at = text.find(symbol); at != std::string::npos; at = text.find(symbol, at + 1)) {
    if (at > 0 && is_identifier_char(text[at - 1])) continue;
    std::size_t after = at + symbol.size();
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    if (after >= text.size() || text[after] != '(') continue;
    std::size_t line = 1;
    for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

std::string symbol_origin(const std::string& symbol, const std::filesystem::path& project_root,
                          const std::vector<std::string>& sources) {
  std::string calls;
  for (const std::string& source : sources) {
    auto text = read_file(project_root / source);
    if (!text) continue;
    for (std::size_t line : call_lines(*text, symbol))
      calls += (calls.empty() ? "" : ", ") + source + ":" + std::to_string(line);
  }
  if (!calls.empty()) return symbol + " is called at " + calls;
  if (auto known = k_library_origins.find(symbol); known != k_library_origins.end())
    return symbol + " comes from " + known->second;
  return symbol + " comes from a library linked into the executable (see ldflags, link and pkg_config)";
}

}  // namespace sls

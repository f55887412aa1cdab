#include "cache/depfile.hpp"

namespace sls {

std::vector<std::string> parse_depfile(const std::string& text) {
  std::vector<std::string> paths;
  std::string current;
  bool after_target = false;
  auto finish_word = [&] {
    if (current.empty()) return;
    if (!after_target && current.back() == ':')
      after_target = true;
    else if (after_target)
      paths.push_back(current);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '\\' && (next == '\n' || (next == '\r' && i + 2 < text.size() && text[i + 2] == '\n'))) {
      finish_word();
      i += next == '\r' ? 2 : 1;
    } else if (c == '\\' && (next == ' ' || next == '#' || next == '\\')) {
      current += next;
      ++i;
    } else if (c == '$' && next == '$') {
      current += '$';
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      finish_word();
      if (c == '\n' && after_target) break;  // only the first rule
    } else {
      current += c;
    }
  }
  finish_word();
  return paths;
}

}  // namespace sls

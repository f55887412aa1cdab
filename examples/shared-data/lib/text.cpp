#include "text.hpp"

#include <cctype>
#include <cstdio>

std::string read_text_file(const std::string& path) {
  std::string text;
  if (std::FILE* file = std::fopen(path.c_str(), "rb")) {  // NOLINT(sls-dynamic-path): callers pass sls::asset paths
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
    std::fclose(file);
    return text;
  }
  return "missing: " + path;
}

std::string shout(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// Reads the environment and the body, writes the formatted response. Uses <cstdio> only:
// <iostream> would add about 155 KB to every wasm module.
#include "cgi_io.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "cgi_adapter.hpp"

namespace sls::runtime {

namespace {
Fields read_environment() {
  Fields env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    const auto eq = text.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace_back(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)));
  }
  return env;
}

// CGI bodies are CONTENT_LENGTH bytes; without it, read to EOF unless stdin is a terminal
// (someone running ./bootstrap by hand should not hang).
std::string read_body() {
  const char* length_text = std::getenv("CONTENT_LENGTH");
  const bool has_length = length_text != nullptr && *length_text != '\0';
  if (!has_length && isatty(STDIN_FILENO)) return {};
  std::size_t limit = has_length ? std::strtoull(length_text, nullptr, 10) : SIZE_MAX;
  std::string body;
  char buffer[16384];
  while (body.size() < limit) {
    const std::size_t want = std::min(sizeof buffer, limit - body.size());
    const std::size_t got = std::fread(buffer, 1, want, stdin);
    if (got == 0) break;
    body.append(buffer, got);
  }
  return body;
}
}  // namespace

int run_cgi_process(std::string argv_path) {
  CgiInput input{read_environment(), read_body(), std::move(argv_path)};
  const std::string output = run_cgi(input, linked_handler());
  std::fwrite(output.data(), 1, output.size(), stdout);
  std::fflush(stdout);
  return 0;
}

}  // namespace sls::runtime

#include "cli/terminal.hpp"

#include <unistd.h>

#include <cstdlib>

namespace sls::cli {

bool use_colour(Stream stream) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour && *no_colour) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(stream == Stream::Out ? STDOUT_FILENO : STDERR_FILENO) == 1;
}

std::string paint(std::string_view text, Colour colour, bool enabled) {
  if (!enabled) return std::string(text);
  const char* code = "1";
  switch (colour) {
    case Colour::Red:
      code = "1;31";
      break;
    case Colour::Yellow:
      code = "1;33";
      break;
    case Colour::Cyan:
      code = "1;36";
      break;
    case Colour::Green:
      code = "1;32";
      break;
    case Colour::Bold:
      code = "1";
      break;
  }
  return std::string("\x1b[") + code + "m" + std::string(text) + "\x1b[0m";
}

std::string severity_word(std::string_view severity, bool enabled) {
  Colour colour = severity == "error" ? Colour::Red : severity == "warning" ? Colour::Yellow : Colour::Cyan;
  return paint(std::string(severity) + ":", colour, enabled);
}

}  // namespace sls::cli

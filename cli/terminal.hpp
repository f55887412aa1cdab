#pragma once
// Colour for people, plain text for logs: colour only when the stream is a
// terminal and NO_COLOR (https://no-color.org) is unset or empty.

#include <ostream>
#include <string>
#include <string_view>

namespace sls::cli {

enum class Stream { Out, Err };
enum class Colour { Red, Yellow, Cyan, Green, Bold };

// True when text written to `stream` should carry ANSI colour codes.
bool use_colour(Stream stream);

// `text` wrapped in the colour's escape codes when `enabled`, else unchanged.
std::string paint(std::string_view text, Colour colour, bool enabled);

// "error:" / "warning:" / "note:" as the word a diagnostic line starts its message with.
std::string severity_word(std::string_view severity, bool enabled);

}  // namespace sls::cli

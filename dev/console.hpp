#pragma once
// One line at a time on stderr: the access log, the functions' own output and the build reports
// come from many threads, and a line must never be cut by another.

#include <string_view>

namespace sls::dev {

// Writes `line` and a newline to stderr in one piece.
void print_line(std::string_view line);

}  // namespace sls::dev

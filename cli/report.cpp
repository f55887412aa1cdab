#include "cli/report.hpp"

#include <iostream>

#include "cli/terminal.hpp"

namespace sls::cli {
namespace {

// The GNU line with its severity word coloured; the rest stays as editors parse it.
std::string coloured_diagnostic(const Diagnostic& diagnostic) {
  std::string text = format_diagnostic(diagnostic);
  std::string word = to_string(diagnostic.severity) + ":";
  // The word ends the formatted prefix "file:line:col: severity: " of an empty message.
  std::size_t at = format_diagnostic({diagnostic.severity, diagnostic.location, "", ""}).size() - word.size() - 1;
  return text.replace(at, word.size(), severity_word(to_string(diagnostic.severity), true));
}

}  // namespace

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& out) {
  // Only stderr is ever a diagnostics stream here; a string stream in a test is never a terminal.
  bool colour = &out == &std::cerr && use_colour(Stream::Err);
  for (const Diagnostic& diagnostic : diagnostics.all())
    out << (colour ? coloured_diagnostic(diagnostic) : format_diagnostic(diagnostic)) << "\n";
}

}  // namespace sls::cli

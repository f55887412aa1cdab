#include "core/diagnostics.hpp"

#include <algorithm>

namespace sls {

std::string to_string(Severity severity) {
  switch (severity) {
    case Severity::Note:
      return "note";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string text;
  const SourceLocation& where = diagnostic.location;
  if (!where.file.empty()) {
    text += where.file + ":";
    if (where.line > 0) {
      text += std::to_string(where.line) + ":";
      if (where.column > 0) text += std::to_string(where.column) + ":";
    }
    text += " ";
  }
  text += to_string(diagnostic.severity) + ": " + diagnostic.message;
  if (!diagnostic.detail.empty()) {
    text += "\n" + diagnostic.detail;
    if (text.back() == '\n') text.pop_back();
  }
  return text;
}

// The same problem met twice (a file every glob walks past) is said once.
void Diagnostics::report(Diagnostic diagnostic) {
  std::lock_guard lock(m_mutex);
  for (const Diagnostic& known : m_items) {
    if (known.severity == diagnostic.severity && known.message == diagnostic.message &&
        known.location.file == diagnostic.location.file && known.location.line == diagnostic.location.line &&
        known.location.column == diagnostic.location.column && known.detail == diagnostic.detail)
      return;
  }
  m_items.push_back(std::move(diagnostic));
}

void Diagnostics::error(SourceLocation location, std::string message, std::string detail) {
  report({Severity::Error, std::move(location), std::move(message), std::move(detail)});
}

void Diagnostics::warning(SourceLocation location, std::string message, std::string detail) {
  report({Severity::Warning, std::move(location), std::move(message), std::move(detail)});
}

void Diagnostics::note(SourceLocation location, std::string message, std::string detail) {
  report({Severity::Note, std::move(location), std::move(message), std::move(detail)});
}

void Diagnostics::forward(const Diagnostics& other) {
  for (Diagnostic& diagnostic : other.all()) report(std::move(diagnostic));
}

bool Diagnostics::has_errors() const { return count(Severity::Error) > 0; }

std::size_t Diagnostics::count(Severity severity) const {
  std::lock_guard lock(m_mutex);
  return static_cast<std::size_t>(
      std::count_if(m_items.begin(), m_items.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

std::vector<Diagnostic> Diagnostics::all() const {
  std::lock_guard lock(m_mutex);
  return m_items;
}

}  // namespace sls

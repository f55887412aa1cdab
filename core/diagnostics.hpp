#pragma once
// User-facing problems, collected with a location and reported together, so
// one run shows every problem (the way mold and clang do it).

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace sls {

enum class Severity { Note, Warning, Error };

struct SourceLocation {
  std::string file;  // project-relative where possible
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLocation location;
  std::string message;
  std::string detail;  // verbatim text shown below, e.g. compiler output
};

std::string to_string(Severity severity);

// "file:line:col: severity: message" — the GNU form editors parse.
std::string format_diagnostic(const Diagnostic& diagnostic);

// Thread-safe: compile jobs report from worker threads.
class Diagnostics {
public:
  void report(Diagnostic diagnostic);
  void error(SourceLocation location, std::string message, std::string detail = {});
  void warning(SourceLocation location, std::string message, std::string detail = {});
  void note(SourceLocation location, std::string message, std::string detail = {});

  // Reports everything `other` holds, in its order.
  void forward(const Diagnostics& other);

  bool has_errors() const;
  std::size_t count(Severity severity) const;
  std::vector<Diagnostic> all() const;

private:
  mutable std::mutex m_mutex;
  std::vector<Diagnostic> m_items;
};

}  // namespace sls

#include "cli/report.hpp"

namespace sls::cli {

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& out) {
  for (const Diagnostic& diagnostic : diagnostics.all()) out << format_diagnostic(diagnostic) << "\n";
}

}  // namespace sls::cli

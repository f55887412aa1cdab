#pragma once
// Printing collected diagnostics and build reports for a terminal or a log (sls build, sls dev).

#include <ostream>

#include "bundler/pipeline.hpp"
#include "core/diagnostics.hpp"

namespace sls::cli {

// Prints every diagnostic in GNU form, in the order reported.
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& out);

// The analyzers' findings of a build, in the same GNU form as `sls lint`, on stderr.
void print_lint_findings(const BuildSummary& summary);

// "N function(s) built, M failed …", what ran, and the lint totals, on stderr.
void print_build_totals(const BuildSummary& summary, double seconds);

std::size_t lint_errors(const BuildSummary& summary);
bool build_succeeded(const BuildSummary& summary, const Diagnostics& diagnostics);

}  // namespace sls::cli

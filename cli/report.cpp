#include "cli/report.hpp"

#include <iomanip>
#include <iostream>
#include <sstream>

#include "analyzers/format/formatters.hpp"
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

// "5 compiled, 12 from cache" — what the build actually ran.
std::string describe_steps(const StepCounts& steps, std::size_t units_linted) {
  if (steps.compiled + steps.linked + steps.packaged == 0) {
    if (units_linted > 0) return std::to_string(units_linted) + " linted, nothing else to do";
    return "nothing to do: every step was up to date";
  }
  return std::to_string(steps.compiled) + " compiled (" + std::to_string(steps.compile_hits) + " cached), " +
         std::to_string(steps.linked) + " linked (" + std::to_string(steps.link_hits) + " cached), " +
         std::to_string(steps.packaged) + " packaged (" + std::to_string(steps.package_hits) + " reused)";
}

// A unit the analyzers could not parse is no pass: named here, under the totals, as well as above.
void print_not_analysed(std::ostream& text, const std::vector<analyzers::FileFailure>& failures) {
  if (failures.empty()) return;
  text << "sls: lint: " << failures.size() << " unit(s) could not be analysed, which fails the build:";
  for (const analyzers::FileFailure& failure : failures) text << " " << failure.path;
  text << "\n";
}

}  // namespace

std::size_t lint_errors(const BuildSummary& summary) {
  return summary.lint ? summary.lint->report.count(analyzers::Severity::Error) : 0;
}

// Any error, lint error or failed function fails the build, whatever reported it.
bool build_succeeded(const BuildSummary& summary, const Diagnostics& diagnostics) {
  bool all_analysed = !summary.lint || summary.lint->report.failures.empty();  // a unit not analysed is no pass
  return summary.config_ok && !diagnostics.has_errors() && lint_errors(summary) == 0 && all_analysed &&
         summary.functions_failed == 0;
}

void print_lint_findings(const BuildSummary& summary) {
  if (!summary.lint || (summary.lint->report.findings.empty() && summary.lint->report.failures.empty())) return;
  analyzers::FormatOptions format;
  format.lint = summary.lint->options;
  format.color = use_colour(Stream::Err) ? analyzers::Color::On : analyzers::Color::Off;
  // Formatted first and written at once: std::cerr is unbuffered, and a
  // report of many findings would otherwise cost a write per fragment.
  std::ostringstream text;
  analyzers::write_gnu(text, summary.lint->report, format);
  std::cerr << text.str() << std::flush;
}

void print_build_totals(const BuildSummary& summary, double seconds) {
  std::ostringstream text;
  text << "sls: " << summary.functions_built << " function(s) built, " << summary.functions_failed << " failed, "
       << summary.static_files << " static file(s) -> " << summary.output_dir.string() << "\n"
       << "sls: "
       << (summary.build_log.replayed ? "nothing to do: no input changed since the last build"
                                      : describe_steps(summary.steps, summary.lint ? summary.lint->units_linted : 0))
       << " in "
       << std::fixed << std::setprecision(2) << seconds << " s\n";
  if (summary.lint) {
    text << "sls: lint: " << lint_errors(summary) << " error(s), "
         << summary.lint->report.count(analyzers::Severity::Warning) << " warning(s)"
         << (lint_errors(summary)
                 ? " (errors fail the build; fix them, suppress with // NOLINT(rule), or pass --no-lint)"
                 : "")
         << "\n";
    print_not_analysed(text, summary.lint->report.failures);
  }
  std::cerr << text.str() << std::flush;
}

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& out) {
  // Only stderr is ever a diagnostics stream here; a string stream in a test is never a terminal.
  bool colour = &out == &std::cerr && use_colour(Stream::Err);
  for (const Diagnostic& diagnostic : diagnostics.all())
    out << (colour ? coloured_diagnostic(diagnostic) : format_diagnostic(diagnostic)) << "\n";
}

}  // namespace sls::cli

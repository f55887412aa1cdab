#pragma once
// What both ways of parsing a translation unit share: the AST consumer that
// runs every check, the collector of compiler errors, and the step that turns
// one unit's raw results into report entries (suppressions, severities).
//
// lint.cpp parses a unit for the checks alone (ClangTool, -fsyntax-only);
// compile_and_lint.cpp parses it once for the object and the checks both.
// Inside the lint engine only: nothing here crosses lint_engine.hpp.

#include <string>
#include <vector>

#include "analyzers/lint.hpp"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"

namespace sls::analyzers {

// What one translation unit produced.
struct UnitResult {
  std::vector<Finding> findings;
  std::vector<TracedAsset> assets;
  std::vector<std::string> errors;  // compiler errors and check failures
  bool parsed = false;
};

// Keeps compiler errors (at most five, with the display path) instead of printing them.
class ErrorCollector : public clang::DiagnosticConsumer {
public:
  ErrorCollector(const LintJob& job, UnitResult& result) : m_job(job), m_result(result) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override;

private:
  const LintJob& m_job;
  UnitResult& m_result;
};

// Runs every check over the finished translation unit. It leaves the AST as
// it found it (the traversal scope is put back), so a consumer after it, the
// code generator, sees the whole unit.
class LintConsumer : public clang::ASTConsumer {
public:
  LintConsumer(const LintJob& job, UnitResult& result) : m_job(job), m_result(result) {}
  void HandleTranslationUnit(clang::ASTContext& ast) override;

private:
  const LintJob& m_job;
  UnitResult& m_result;
};

// Adds one unit to the report: a failure when it did not parse cleanly, and
// its findings after NOLINT comments and the options' severities.
void add_unit_to_report(const LintJob& job, UnitResult unit, const LintOptions& options, LintReport& report);

// A total order, so the output never depends on the order of the matches.
void sort_report(LintReport& report);

}  // namespace sls::analyzers

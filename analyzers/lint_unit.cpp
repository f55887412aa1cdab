#include "analyzers/lint_unit.hpp"

#include <algorithm>
#include <memory>

#include "analyzers/check.hpp"
#include "analyzers/check_registry.hpp"
#include "analyzers/rule_registry.hpp"
#include "analyzers/suppressions.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/MemoryBuffer.h"

namespace sls::analyzers {
namespace {

// Most of a translation unit is system headers. Limiting the traversal scope
// to the other top-level declarations keeps the matchers, the context model
// and the parent map away from them (the way clangd does); the bodies of
// system functions are never the user's hazard.
void restrict_to_user_code(clang::ASTContext& ast) {
  const auto& sources = ast.getSourceManager();
  std::vector<clang::Decl*> scope;
  for (auto* decl : ast.getTranslationUnitDecl()->decls()) {
    if (!sources.isInSystemHeader(decl->getLocation())) scope.push_back(decl);
  }
  ast.setTraversalScope(scope);
}

// Applies NOLINT comments; returns the surviving findings plus, on request,
// the suppressions that matched nothing.
std::vector<Finding> apply_suppressions(const LintJob& job, std::vector<Finding> findings, const LintOptions& options) {
  using Buffer = llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>;
  Buffer buffer = job.contents ? Buffer(llvm::MemoryBuffer::getMemBufferCopy(*job.contents, job.file))
                               : llvm::MemoryBuffer::getFile(job.file);
  if (!buffer) return findings;
  Suppressions suppressions((*buffer)->getBuffer(), job.display_path);
  std::vector<Finding> kept;
  for (auto& finding : findings) {
    if (!suppressions.suppresses(finding.rule_id, finding.position.line)) kept.push_back(std::move(finding));
  }
  if (options.report_unused_suppressions) {
    for (auto& unused : suppressions.unused()) kept.push_back(std::move(unused));
    for (const auto& problem : suppressions.problems()) kept.push_back(problem);
  }
  return kept;
}

// error -> warning -> note; note and off stay.
Severity one_step_lower(Severity severity) {
  if (severity == Severity::Error) return Severity::Warning;
  if (severity == Severity::Warning) return Severity::Note;
  return severity;
}

void apply_severities(std::vector<Finding>& findings, const LintOptions& options) {
  for (auto& finding : findings) {
    const auto* rule = find_rule(finding.rule_id);
    finding.severity = rule ? effective_severity(*rule, options) : Severity::Warning;
    if (finding.lowered) finding.severity = one_step_lower(finding.severity);
    if (rule && finding.rationale.empty()) finding.rationale = std::string(rule->rationale);
  }
  std::erase_if(findings, [](const Finding& finding) { return finding.severity == Severity::Off; });
}

}  // namespace

void ErrorCollector::HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) {
  clang::DiagnosticConsumer::HandleDiagnostic(level, info);
  if (level < clang::DiagnosticsEngine::Error || m_result.errors.size() >= 5) return;
  llvm::SmallString<256> text;
  info.FormatDiagnostic(text);
  std::string where = m_job.display_path;
  if (info.hasSourceManager() && info.getLocation().isValid()) {
    auto presumed = info.getSourceManager().getPresumedLoc(info.getLocation());
    if (presumed.isValid()) {
      std::string file = presumed.getFilename();
      where = (file == m_job.file ? m_job.display_path : file) + ":" + std::to_string(presumed.getLine()) + ":" +
              std::to_string(presumed.getColumn());
    }
  }
  m_result.errors.push_back(where + ": error: " + std::string(text));
}

void LintConsumer::HandleTranslationUnit(clang::ASTContext& ast) {
  if (ast.getDiagnostics().hasErrorOccurred()) return;  // reported as a failure by the driver
  m_result.parsed = true;
  restrict_to_user_code(ast);
  TuModel model(ast);
  CheckContext context(ast, model, m_job.display_path);
  auto checks = make_checks();
  clang::ast_matchers::MatchFinder finder;
  for (auto& check : checks) {
    check->start_translation_unit(context);
    check->register_matchers(finder);
  }
  finder.matchAST(ast);
  for (auto& check : checks) check->finish_translation_unit();
  m_result.findings = context.take_findings();
  m_result.assets = context.take_assets();
  for (auto& failure : context.take_failures()) m_result.errors.push_back(m_job.display_path + ": " + failure);
  ast.setTraversalScope({ast.getTranslationUnitDecl()});
}

void add_unit_to_report(const LintJob& job, UnitResult unit, const LintOptions& options, LintReport& report) {
  if (!unit.parsed || !unit.errors.empty()) {
    std::string message;
    for (const auto& error : unit.errors) message += (message.empty() ? "" : "\n") + error;
    report.failures.push_back({job.display_path, message});
    if (!unit.parsed) return;
  }
  auto findings = apply_suppressions(job, std::move(unit.findings), options);
  apply_severities(findings, options);
  std::move(findings.begin(), findings.end(), std::back_inserter(report.findings));
  std::move(unit.assets.begin(), unit.assets.end(), std::back_inserter(report.assets));
}

void sort_report(LintReport& report) {
  std::sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.position.path, a.position.line, a.position.column, a.rule_id, a.message) <
           std::tie(b.position.path, b.position.line, b.position.column, b.rule_id, b.message);
  });
  std::sort(report.assets.begin(), report.assets.end(), [](const TracedAsset& a, const TracedAsset& b) {
    return std::tie(a.position.path, a.position.line, a.position.column, a.path) <
           std::tie(b.position.path, b.position.line, b.position.column, b.path);
  });
}

}  // namespace sls::analyzers

// The lint driver: one ClangTool run per translation unit, one parse, one
// AST traversal by a MatchFinder that carries every check's matchers. Then
// suppressions, severities, sorting. Files that do not parse are reported and
// the others still analysed.
//
// This file is the entry point of libsls-lint-engine.so (see lint_engine.hpp):
// the sls executable reaches lint_in_process() through sls_lint_engine_v1().

#include "analyzers/lint.hpp"

#include <algorithm>
#include <memory>

#include "analyzers/check.hpp"
#include "analyzers/check_registry.hpp"
#include "analyzers/lint_engine.hpp"
#include "analyzers/rule_registry.hpp"
#include "analyzers/suppressions.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/Path.h"

namespace sls::analyzers {
namespace {

// What one translation unit produced.
struct UnitResult {
  std::vector<Finding> findings;
  std::vector<TracedAsset> assets;
  std::vector<std::string> errors;  // compiler errors and check failures
  bool parsed = false;
};

// Keeps compiler errors (with the display path) instead of printing them.
class ErrorCollector : public clang::DiagnosticConsumer {
public:
  ErrorCollector(const LintJob& job, UnitResult& result) : m_job(job), m_result(result) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override {
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

private:
  const LintJob& m_job;
  UnitResult& m_result;
};

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

class LintConsumer : public clang::ASTConsumer {
public:
  LintConsumer(const LintJob& job, UnitResult& result) : m_job(job), m_result(result) {}

  void HandleTranslationUnit(clang::ASTContext& ast) override {
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
  }

private:
  const LintJob& m_job;
  UnitResult& m_result;
};

class LintAction : public clang::ASTFrontendAction {
public:
  LintAction(const LintJob& job, UnitResult& result) : m_job(job), m_result(result) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&, llvm::StringRef) override {
    return std::make_unique<LintConsumer>(m_job, m_result);
  }

private:
  const LintJob& m_job;
  UnitResult& m_result;
};

class LintActionFactory : public clang::tooling::FrontendActionFactory {
public:
  LintActionFactory(const LintJob& job, UnitResult& result) : m_job(job), m_result(result) {}
  std::unique_ptr<clang::FrontendAction> create() override { return std::make_unique<LintAction>(m_job, m_result); }

private:
  const LintJob& m_job;
  UnitResult& m_result;
};

// The flags of the compile line, without the compiler, the input and outputs.
std::vector<std::string> flags_of(const LintJob& job) {
  std::vector<std::string> flags;
  const auto& args = job.compile_args;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i == 0 && !args[i].empty() && args[i][0] != '-') continue;  // the compiler
    if (args[i] == job.file || args[i] == job.display_path) continue;
    if (args[i] == "-c") continue;
    if (args[i] == "-o" || args[i] == "-MF" || args[i] == "-MT" || args[i] == "-MQ") {
      ++i;
      continue;
    }
    flags.push_back(args[i]);
  }
  return flags;
}

UnitResult lint_unit(const LintJob& job, const LintOptions& options) {
  UnitResult result;
  std::string directory = job.directory.empty() ? "." : job.directory;
  clang::tooling::FixedCompilationDatabase database(directory, flags_of(job));
  clang::tooling::ClangTool tool(database, {job.file});
  tool.clearArgumentsAdjusters();
  tool.appendArgumentsAdjuster(clang::tooling::getClangStripOutputAdjuster());
  tool.appendArgumentsAdjuster(clang::tooling::getClangStripDependencyFileAdjuster());
  tool.appendArgumentsAdjuster(clang::tooling::getClangSyntaxOnlyAdjuster());
  tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      {"-resource-dir=" + options.resource_dir, "-w", "-ferror-limit=5", "-fno-caret-diagnostics"},
      clang::tooling::ArgumentInsertPosition::END));
  if (job.contents) tool.mapVirtualFile(job.file, *job.contents);  // sls lsp: the buffer as typed
  ErrorCollector errors(job, result);
  tool.setDiagnosticConsumer(&errors);
  tool.setPrintErrorMessage(false);
  LintActionFactory factory(job, result);
  int status = tool.run(&factory);
  if (status != 0 && result.errors.empty()) result.errors.push_back(job.display_path + ": error: could not be parsed");
  return result;
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

LintReport lint_in_process(const std::vector<LintJob>& jobs, const LintOptions& options) {
  LintReport report;
  for (const auto& job : jobs) {
    UnitResult unit = lint_unit(job, options);
    if (!unit.parsed || !unit.errors.empty()) {
      std::string message;
      for (const auto& error : unit.errors) message += (message.empty() ? "" : "\n") + error;
      report.failures.push_back({job.display_path, message});
      if (!unit.parsed) continue;
    }
    auto findings = apply_suppressions(job, std::move(unit.findings), options);
    apply_severities(findings, options);
    std::move(findings.begin(), findings.end(), std::back_inserter(report.findings));
    std::move(unit.assets.begin(), unit.assets.end(), std::back_inserter(report.assets));
  }
  // A total order, so the output never depends on the order of the matches.
  std::sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.position.path, a.position.line, a.position.column, a.rule_id, a.message) <
           std::tie(b.position.path, b.position.line, b.position.column, b.rule_id, b.message);
  });
  std::sort(report.assets.begin(), report.assets.end(), [](const TracedAsset& a, const TracedAsset& b) {
    return std::tie(a.position.path, a.position.line, a.position.column, a.path) <
           std::tie(b.position.path, b.position.line, b.position.column, b.path);
  });
  return report;
}

}  // namespace sls::analyzers

extern "C" __attribute__((visibility("default"))) const sls::analyzers::LintEngine* sls_lint_engine_v1() {
  static const sls::analyzers::LintEngine engine = [] {
    auto described = sls::analyzers::expected_lint_engine(SLS_VERSION);
    described.lint = &sls::analyzers::lint_in_process;
    return described;
  }();
  return &engine;
}

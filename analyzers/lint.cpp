// The lint driver: one ClangTool run per translation unit, one parse, one
// AST traversal by a MatchFinder that carries every check's matchers. Then
// suppressions, severities, sorting (lint_unit.cpp). Files that do not parse
// are reported and the others still analysed. `sls build` mostly parses a
// unit once for its object and the checks together (compile_and_lint.cpp).
//
// This file is the entry point of libsls-lint-engine.so (see lint_engine.hpp):
// the sls executable reaches lint_in_process() through sls_lint_engine_v1().

#include "analyzers/lint.hpp"

#include <memory>

#include "analyzers/lint_engine.hpp"
#include "analyzers/lint_unit.hpp"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/Path.h"

namespace sls::analyzers {
namespace {

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

}  // namespace

LintReport lint_in_process(const std::vector<LintJob>& jobs, const LintOptions& options) {
  LintReport report;
  for (const auto& job : jobs) add_unit_to_report(job, lint_unit(job, options), options, report);
  sort_report(report);
  return report;
}

}  // namespace sls::analyzers

extern "C" __attribute__((visibility("default"))) const sls::analyzers::LintEngine* sls_lint_engine_v1() {
  static const sls::analyzers::LintEngine engine = [] {
    auto described = sls::analyzers::expected_lint_engine(SLS_VERSION);
    described.lint = &sls::analyzers::lint_in_process;
    described.compile_and_lint = &sls::analyzers::compile_and_lint_in_process;
    described.linker_command = &sls::analyzers::linker_command_in_process;
    return described;
  }();
  return &engine;
}

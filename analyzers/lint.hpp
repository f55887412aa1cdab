#pragma once
// The library entry point of `sls lint` and of the lint pass of `sls build`.
// One parse per translation unit serves every rule; see docs/lint.md.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyzers/finding.hpp"

namespace sls::analyzers {

// Where clang's builtin headers live; ClangTool would otherwise derive it from
// the path of the running executable, which is wrong once sls is installed.
inline constexpr const char* k_default_resource_dir = "/usr/lib/llvm-19/lib/clang/19";

struct LintJob {
  std::string file;                       // absolute path of the translation unit
  std::string display_path;               // project-relative, used in output
  std::vector<std::string> compile_args;  // the clang command line sls would use, minus -c/-o;
                                          // a leading compiler name and the file itself are optional
  std::string directory;                  // working directory for relative flags; empty = current
  std::optional<std::string> contents;    // an editor's unsaved buffer, parsed instead of `file` on disk
};

struct LintOptions {
  std::string profile = "lambda-default";
  std::vector<std::pair<std::string, Severity>> severity_overrides;  // applied in order
  bool report_unused_suppressions = false;
  std::string resource_dir = k_default_resource_dir;
};

struct LintReport {
  std::vector<Finding> findings;      // sorted by path, line, column, rule
  std::vector<FileFailure> failures;  // files that did not parse
  std::vector<TracedAsset> assets;    // literal data paths, for the bundler

  unsigned count(Severity severity) const;
};

LintReport lint(const std::vector<LintJob>& jobs, const LintOptions& options);

// One parse for both the object and the checks (`sls build`, docs/lint.md):
// the compile command runs inside the engine, and the checks see the AST the
// code generator is given.
struct CompileAndLintJob {
  LintJob unit;                              // the unit as lint() would take it
  std::vector<std::string> compile_command;  // the whole compile line, compiler first, run from unit.directory
};

struct CompileAndLintResult {
  bool compiled = false;  // the command's object and dependency file are written, as the compiler writes them
  LintReport report;      // the unit's report, when compiled
  std::string declined;   // when not: why; compile the usual way then, which also reports the errors
};

CompileAndLintResult compile_and_lint(const CompileAndLintJob& job, const LintOptions& options);

// A link without the driver's process (`sls build`, docs/lint.md): the one
// command clang's driver would run for `driver_command` (a link line, compiler
// first, run from `directory`), worked out by the same driver in the engine.
struct LinkerCommand {
  std::vector<std::string> command;  // the linker, then its arguments; empty when declined
  std::string declined;              // why not: run the driver then
};

LinkerCommand linker_command(const std::vector<std::string>& driver_command, const std::string& directory);

// `sls lint` exit status: 0 clean, 1 errors remain, 2 the tool failed.
int exit_status(const LintReport& report);

}  // namespace sls::analyzers

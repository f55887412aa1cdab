#include "lsp/linter.hpp"

#include <algorithm>

#include "bundler/lint/lint_jobs.hpp"
#include "bundler/project/project.hpp"
#include "bundler/project/toolchain.hpp"

namespace sls::lsp {
namespace fs = std::filesystem;

namespace {

// The precompiled prelude a previous `sls build` left for the file's function,
// when the build itself would start that file from it (docs/editors.md#how-fast):
// parsing from it skips the SDK and standard headers.
std::optional<fs::path> built_prelude(const LoadedProject& project, const std::string& relative,
                                      const std::string& text) {
  for (const PlannedFunction& function : project.plan) {
    if (!function.compiles()) continue;
    const auto& sources = function.source->sources;
    if (std::find(sources.begin(), sources.end(), relative) == sources.end()) continue;
    if (changes_compiles(&function.build) || !can_use_prelude(relative, text)) return std::nullopt;
    fs::path pch = state_dir_for(project.layout.root) / "build" / to_string(function.target) / "prelude.pch";
    std::error_code ec;
    if (fs::is_regular_file(pch, ec)) return pch;
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

DocumentLint ProjectLinter::lint(const fs::path& file, const std::string& text) {
  DocumentLint result;
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(file, ec);
  std::string name = canonical.filename().string();
  if (!is_c_source(name) && !is_cxx_source(name)) return result;  // headers are linted through the units including them
  Diagnostics ignored;  // a broken sls.toml is `sls build`'s to report; here it only means "no flags"
  std::optional<LoadedProject> project = load_project(project_root_for(canonical), std::nullopt, ignored);
  if (!project) return result;
  std::vector<analyzers::LintJob> jobs = lint_jobs_for(*project, {canonical});
  if (jobs.empty()) return result;
  analyzers::LintJob& job = jobs.front();
  job.contents = text;
  result.project_root = project->layout.root;
  result.display_path = job.display_path;
  if (auto pch = built_prelude(*project, job.display_path, text)) {
    analyzers::LintJob with_prelude = job;
    for (const char* flag : {"-include-pch", pch->c_str(), "-fpch-validate-input-files-content"})
      with_prelude.compile_args.emplace_back(flag);
    result.report = analyzers::lint({with_prelude}, project->lint_options);
    result.linted = true;
    if (result.report.failures.empty()) return result;
    // A prelude from an older build (or one being rewritten) is refused by clang: parse without it.
  }
  result.report = analyzers::lint(jobs, project->lint_options);
  result.linted = true;
  return result;
}

}  // namespace sls::lsp

#include "lsp/linter.hpp"

#include "bundler/lint/lint_jobs.hpp"
#include "bundler/project/project.hpp"

namespace sls::lsp {
namespace fs = std::filesystem;

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
  jobs.front().contents = text;
  result.project_root = project->layout.root;
  result.display_path = jobs.front().display_path;
  result.report = analyzers::lint(jobs, project->lint_options);
  result.linted = true;
  return result;
}

}  // namespace sls::lsp

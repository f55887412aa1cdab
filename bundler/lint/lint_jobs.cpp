#include "bundler/lint/lint_jobs.hpp"

#include <algorithm>

#include "bundler/compile/compdb.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

analyzers::LintJob job_for(const CompileCommandEntry& entry, const fs::path& root) {
  analyzers::LintJob job;
  job.file = (root / entry.file).lexically_normal().string();
  job.display_path = entry.file;
  job.compile_args = entry.arguments;
  job.directory = entry.directory;
  return job;
}

}  // namespace

std::vector<analyzers::LintJob> lint_jobs_for(const LoadedProject& project, const std::vector<fs::path>& only) {
  const fs::path& root = project.layout.root;
  std::vector<CompileCommandEntry> entries = compile_commands_for(project);
  for (const fs::path& file : only) {
    std::string relative = file.lexically_relative(root).generic_string();
    bool known = std::any_of(entries.begin(), entries.end(), [&](const auto& entry) { return entry.file == relative; });
    if (!known) entries.push_back(compile_command_for_other_file(project, relative));
  }
  std::vector<analyzers::LintJob> jobs;
  for (const CompileCommandEntry& entry : entries) {
    fs::path absolute = (root / entry.file).lexically_normal();
    if (only.empty() || std::find(only.begin(), only.end(), absolute) != only.end())
      jobs.push_back(job_for(entry, root));
  }
  return jobs;
}

analyzers::LintJob build_lint_job(const BuildContext& context, const UnitOptions& options, const std::string& source) {
  const fs::path& root = context.layout().root;
  return {(root / source).string(), source, frontend_command(context.toolchain(), options, source), root.string(),
          std::nullopt};
}

}  // namespace sls

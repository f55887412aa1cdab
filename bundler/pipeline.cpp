#include "bundler/pipeline.hpp"

#include "bundler/build_session.hpp"
#include "bundler/compile/compdb.hpp"
#include "bundler/function_graph.hpp"
#include "bundler/noop_build.hpp"
#include "bundler/output/output_stage.hpp"
#include "bundler/package/package_stage.hpp"
#include "bundler/project/project.hpp"
#include "core/staged_output.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

bool looks_like_project(const ProjectLayout& layout, Diagnostics& diagnostics) {
  std::error_code ec;
  bool has_api = fs::is_directory(layout.root / "api", ec), has_public = fs::is_directory(layout.root / "public", ec);
  if (!has_api && !has_public) {
    diagnostics.error({layout.root.string(), 0, 0}, "not an sls project: there is no api/ or public/ folder here",
                      "hint: run sls build in the project folder, or pass it: sls build path/to/project");
    return false;
  }
  if (has_api && layout.functions.empty())
    diagnostics.warning({"api", 0, 0},
                        "api/ holds no functions (.c, .cc, .cpp files whose names do not start with '_')");
  return true;
}

void count_functions(const std::vector<ManifestFunction>& functions, BuildSummary& summary) {
  for (const ManifestFunction& function : functions)
    ++(function.bundle.status == FunctionStatus::Built ? summary.functions_built : summary.functions_failed);
}

}  // namespace

BuildSummary build_project(const BuildOptions& options, ProcessRunner& runner, Diagnostics& diagnostics) {
  BuildSummary summary;
  BuildStart start = begin_build_log(options.project_dir);  // before anything is read
  // 1. Load the project: sls.toml, the scan, the plan, the toolchain. A broken
  //    configuration stops here, before anything is written.
  std::optional<LoadedProject> project =
      load_project(options.project_dir, options.target_override, diagnostics, options.arch_override);
  if (!project || !looks_like_project(project->layout, diagnostics)) return summary;
  auto lock = claim_state_dir(project->layout.root, options.on_lock_wait);  // one build of a project at a time
  if (!lock) {
    diagnostics.error({".sls", 0, 0}, lock.error().message);
    return summary;
  }
  summary.config_ok = true;

  // 2. Editors: compile_commands.json with exactly these flags.
  const std::string commands = render_compile_commands(compile_commands_for(*project));
  update_compile_commands(*project, commands, diagnostics);

  // 3. A no-op: nothing changed since the last build, whose report is replayed.
  summary.output_dir = output_dir_for(project->layout.root);
  std::string log_context = build_log_context(*project, options, commands);
  if (replay_build_log(*project, log_context, start, summary, diagnostics)) return summary;
  std::size_t loading_diagnostics = diagnostics.all().size();

  // 4. Open the build: the caches, the progress line, the counters.
  BuildSession session(*project, options.progress, runner, diagnostics);
  const BuildContext& context = session.context();

  // 5. The output is staged beside the current one and swapped in at the end.
  auto output = StagedOutput::begin(summary.output_dir);
  if (!output) {
    diagnostics.error({}, output.error().message);
    return summary;
  }
  Manifest manifest{
      project->config.name, project->config.regions, {}, stage_static_files(project->layout, project->config.static_rules, *output, diagnostics)};

  // 6. Every function: compile, lint, link and package, on one task graph.
  PackageStage packaging(context, *output);
  FunctionResults results =
      build_functions(context, packaging, options.lint ? LintInBuild::On : LintInBuild::TraceOnly, options.jobs);
  manifest.functions = std::move(results.functions);
  summary.lint = std::move(results.lint);

  // 7. The manifest, then the swap; the build log for the next no-op.
  if (commit_output(manifest, *output, diagnostics)) packaging.save();
  count_functions(manifest.functions, summary);
  summary.static_files = manifest.static_files.size();
  summary.steps = session.finish();
  summary.build_log.files_stated += context.hasher.files_stated();
  summary.build_log.store_reads = context.store.reads();
  std::vector<Diagnostic> reported = diagnostics.all();
  reported.erase(reported.begin(), reported.begin() + static_cast<std::ptrdiff_t>(loading_diagnostics));
  record_build_log(*project, log_context, start, context.hasher, summary, reported);
  return summary;
}

}  // namespace sls

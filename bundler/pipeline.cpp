#include "bundler/pipeline.hpp"

#include <set>

#include "bundler/package/bundle.hpp"
#include "bundler/compile/compdb.hpp"
#include "bundler/compile/compile.hpp"
#include "bundler/lint/lint_stage.hpp"
#include "bundler/output/manifest.hpp"
#include "bundler/output/output_tree.hpp"
#include "bundler/package/package_state.hpp"
#include "bundler/project/plan.hpp"
#include "bundler/project/scan.hpp"
#include "bundler/output/spin_manifest.hpp"
#include "bundler/shake/tree_shake.hpp"
#include "bundler/wasm/wasm_checks.hpp"
#include "bundler/package/zip_writer.hpp"
#include "cache/remote_cache.hpp"
#include "core/cache_dir.hpp"
#include "core/file_system.hpp"
#include "core/install_layout.hpp"
#include "core/task_graph.hpp"
#include "core/sha256.hpp"

namespace sls {
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
    diagnostics.warning({"api", 0, 0}, "api/ holds no functions (.c, .cc, .cpp files whose names do not start with '_')");
  return true;
}

std::vector<FunctionBuildRequest> compile_requests(const std::vector<PlannedFunction>& plan) {
  std::vector<FunctionBuildRequest> requests;
  for (const PlannedFunction& planned : plan) {
    if (planned.source->kind == FunctionKind::Source) requests.push_back({planned.source, planned.metadata.target, planned.link_libraries});
  }
  return requests;
}

ManifestFunction manifest_entry(const PlannedFunction& planned) {
  const BundleMetadata& m = planned.metadata;
  ManifestFunction entry;
  entry.name = m.function;
  entry.route = m.route;
  entry.target = m.target;
  entry.arch = m.arch;
  entry.regions = m.regions;
  entry.memory_mb = m.memory_mb;
  entry.max_duration_s = m.max_duration_s;
  return entry;
}

// Packages one function into the staging tree; on failure the previous good
// bundle (if any) is carried over and marked stale.
// The zip already in the output when it was made from exactly these files
// and metadata (see package_state.hpp); carried over into the staging tree.
std::optional<PackagedBundle> reuse_packaged(const std::string& function, const std::string& key,
                                             const std::string& bundle_path, PackageState& packages,
                                             StagedOutput& output) {
  auto previous = packages.find(function);
  if (!previous || previous->key != key || !output.keep_previous(bundle_path)) return std::nullopt;
  std::error_code ec;
  if (fs::file_size(output.path_of(bundle_path), ec) != previous->size) return std::nullopt;
  return previous;
}

// Counts packaging as a build step for the report and the progress line.
struct PackageSteps {
  CompileCounters& counters;
  Progress& progress;
};

ManifestFunction package_function(const PlannedFunction& planned, const std::optional<fs::path>& artifact,
                                  const std::vector<AssetReference>& traced, TreeShaker& tree_shaker,
                                  FileHasher& hasher, PackageState& packages, StagedOutput& output,
                                  PackageSteps steps, Diagnostics& diagnostics) {
  ManifestFunction entry = manifest_entry(planned);
  std::string bundle_path = bundle_path_for(planned.metadata.function);
  std::optional<std::string> zip;
  std::string key;  // of the bundle being made, for PackageState
  if (artifact) {
    auto digest = hasher.digest(*artifact);
    std::vector<BundleFile> files;
    if (digest) files.push_back(file_on_disk(entry_file_for(planned.metadata.target), *artifact, *digest, true, ""));
    // Tree-shaking: lib/ and data files, each with the reason it is there.
    bool shaken = digest && tree_shaker.add_files(planned, *artifact, traced, files);
    std::vector<SizedFile> sizes = sized_files(files);
    std::time_t timestamp = zip_timestamp_from_environment();
    std::string metadata_text = shaken ? render_bundle_metadata(planned.metadata, files) : "";
    key = package_key(metadata_text, timestamp);
    if (auto reused = shaken ? reuse_packaged(entry.name, key, bundle_path, packages, output) : std::nullopt) {
      ++steps.counters.package_hits;
      steps.progress.skipped();
      entry.bundle_path = bundle_path;
      entry.bundle_sha256 = reused->sha256;
      entry.bundle_size = reused->size;
      return entry;
    }
    ++steps.counters.packaged;
    steps.progress.started("package", entry.name);
    auto made = shaken ? make_bundle_with(metadata_text, std::move(files), timestamp)
                       : Expected<std::string>(make_error(digest ? "see the errors above" : "cannot read " + artifact->string()));
    // Budgets: AWS Lambda's quotas and max_size, checked on the finished zip.
    if (made && !tree_shaker.within_budget(planned, sizes, made->size())) made = Expected<std::string>(make_error("over its size budget"));
    if (made && output.write_file(bundle_path, *made, fs::perms(0644))) zip = std::move(*made);
    else diagnostics.error({planned.source->entry, 0, 0}, "cannot package function '" + entry.name + "'" +
                                                              (made ? "" : ": " + made.error().message));
  }
  if (zip) {
    entry.bundle_path = bundle_path;
    entry.bundle_sha256 = sha256_hex(*zip);
    entry.bundle_size = zip->size();
    packages.record(entry.name, {key, entry.bundle_sha256, entry.bundle_size});
    return entry;
  }
  entry.status = FunctionStatus::Failed;
  if (output.keep_previous(bundle_path)) {
    auto previous = read_file(output.path_of(bundle_path));
    entry.bundle_path = bundle_path;
    entry.bundle_sha256 = previous ? sha256_hex(*previous) : "";
    entry.bundle_size = previous ? previous->size() : 0;
    entry.stale = true;
  }
  return entry;
}

// wasm: the functions spin.toml serves — every wasm function with a bundle in place.
std::vector<SpinFunction> spin_functions(const std::vector<PlannedFunction>& plan, const Manifest& manifest) {
  std::vector<SpinFunction> functions;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const BundleMetadata& m = plan[i].metadata;
    if (m.target == Target::Wasm && manifest.functions[i].bundle_path) functions.push_back({m.function, m.route, m.env});
  }
  return functions;
}

std::vector<ManifestStaticFile> stage_static_files(const ProjectLayout& layout, StagedOutput& output,
                                                   Diagnostics& diagnostics) {
  std::vector<ManifestStaticFile> files;
  for (const std::string& path : layout.static_files) {
    auto bytes = read_file(layout.root / "public" / path);
    if (!bytes || !output.write_file("static/" + path, *bytes, fs::perms(0644))) {
      diagnostics.error({"public/" + path, 0, 0}, "cannot copy static file" + (bytes ? "" : ": " + bytes.error().message));
      continue;
    }
    files.push_back({path, bytes->size(), sha256_hex(*bytes)});
  }
  return files;
}

// The steps that report progress, for "[n/total]": per function its compiles,
// lints, link and package; per target the lib/ compiles.
std::size_t step_count(const std::vector<PlannedFunction>& plan, const ProjectLayout& layout, bool lint) {
  std::size_t steps = 0;
  std::set<Target> targets;
  for (const PlannedFunction& planned : plan) {
    steps += 1;  // package
    if (planned.source->kind != FunctionKind::Source) continue;
    steps += planned.source->sources.size() * (lint ? 2 : 1) + 1;
    targets.insert(planned.metadata.target);
  }
  return steps + targets.size() * layout.lib_sources.size();
}

}  // namespace

fs::path state_dir_for(const fs::path& project_dir) { return project_dir / ".sls"; }
fs::path output_dir_for(const fs::path& project_dir) { return state_dir_for(project_dir) / "output"; }

BuildSummary build_project(const BuildOptions& options, ProcessRunner& runner, Diagnostics& diagnostics) {
  BuildSummary summary;
  // 1. Configuration: a broken sls.toml stops here, before anything is written.
  std::optional<ProjectConfig> config = load_project_config(options.project_dir, diagnostics);
  if (!config) return summary;

  // 2. Scan api/, lib/ and public/.
  ProjectLayout layout = scan_project(options.project_dir, diagnostics);
  if (!looks_like_project(layout, diagnostics)) return summary;

  // 3. Plan each function's effective settings; unknown [functions] are config errors.
  std::size_t errors_before = diagnostics.count(Severity::Error);
  std::vector<PlannedFunction> plan = plan_functions(layout, *config, options.target_override, diagnostics);
  analyzers::LintOptions lint_options = lint_options_from_config(config->lint, diagnostics);
  if (diagnostics.count(Severity::Error) > errors_before) return summary;
  summary.config_ok = true;

  // 4. Compile and link every function (failures are reported, others go on).
  auto install = find_install_layout();
  if (!install) {
    diagnostics.error({}, install.error().message);
    return summary;
  }
  Toolchain toolchain = make_toolchain(*install);
  // Editors: compile_commands.json with exactly these flags (only rewritten when it changes).
  update_compile_commands(layout, plan, toolchain, *config, options.target_override, diagnostics);
  ContentStore store(user_cache_dir() / "store");
  std::unique_ptr<RemoteCache> remote = remote_cache_from_environment();  // SLS_REMOTE_CACHE
  store.use_remote(remote.get());
  const fs::path work_dir = state_dir_for(layout.root) / "build";
  FileHasher hasher(work_dir / "file-hashes");
  CompileCounters counters;
  Progress progress(options.progress);
  progress.add_total(step_count(plan, layout, options.lint));
  CompileContext compile{layout, toolchain, runner,  diagnostics, work_dir, config->optimize,
                         options.jobs, store, hasher, counters, progress};
  std::vector<FunctionBuildRequest> requests = compile_requests(plan);
  CompileStage compile_stage(compile, requests);
  std::optional<LintStage> lint_stage;
  if (options.lint) lint_stage.emplace(compile, plan, lint_options);

  // Bundles go into a staging tree that is swapped in as a whole at the end.
  summary.output_dir = output_dir_for(layout.root);
  auto output = StagedOutput::begin(summary.output_dir);
  if (!output) {
    diagnostics.error({}, output.error().message);
    return summary;
  }
  Manifest manifest{config->name, config->regions, {}, stage_static_files(layout, *output, diagnostics)};
  TreeShaker tree_shaker(layout, hasher, diagnostics);
  PackageState packages(work_dir / "packages.json");
  manifest.functions.resize(plan.size());

  // 5. One task graph: per function compile, lint, link and package, each as
  //    soon as its inputs are ready (lint traces the data files packaging takes).
  TaskGraph graph;
  compile_stage.add_target_steps(graph);
  for (std::size_t i = 0, request = 0; i < plan.size(); ++i) {
    const PlannedFunction& planned = plan[i];
    const BuiltFunction* built = nullptr;
    std::vector<TaskGraph::TaskId> inputs;
    if (planned.source->kind == FunctionKind::Source) {
      compile_stage.add_function_steps(graph, request);
      built = &compile_stage.built(request);
      inputs.push_back(compile_stage.linked_step(request));
      if (lint_stage)
        inputs.push_back(graph.add([&, built] { lint_stage->lint_function(planned, *built); }, {compile_stage.compiled_step(request)}));
      ++request;
    }
    graph.add([&, i, built] {
      // wasm: a prebuilt api/x.wasm is validated and packaged byte for byte.
      std::optional<fs::path> artifact = built ? built->artifact : std::nullopt;
      if (planned.source->kind == FunctionKind::PrebuiltWasm)
        artifact = check_prebuilt_module(layout.root, *planned.source, diagnostics);
      std::vector<AssetReference> traced = lint_stage ? lint_stage->traced_assets(planned.metadata.function) : std::vector<AssetReference>{};
      manifest.functions[i] = package_function(planned, artifact, traced, tree_shaker, hasher, packages, *output,
                                               {counters, progress}, diagnostics);
    }, inputs);
  }
  graph.run(options.jobs);
  hasher.save();
  if (lint_stage) summary.lint = lint_stage->finish();

  // 6. The manifest, then the swap.
  for (std::size_t i = 0; i < plan.size(); ++i) {
    ManifestFunction& entry = manifest.functions[i];
    ++(entry.status == FunctionStatus::Built ? summary.functions_built : summary.functions_failed);
    if (!summary.lint) continue;
    FunctionLintCounts counts = summary.lint->counts[plan[i].metadata.function];
    entry.lint_warnings = counts.warnings;
    entry.lint_errors = counts.errors;
  }
  summary.static_files = manifest.static_files.size();
  // wasm: spin.toml, so Spin can serve the wasm functions as they are.
  if (auto spin = spin_functions(plan, manifest); !spin.empty()) {
    if (Status written = output->write_file("spin.toml", render_spin_manifest(config->name, spin), fs::perms(0644)); !written)
      diagnostics.error({}, written.error().message);
  }
  if (Status written = output->write_file("manifest.json", render_manifest(manifest), fs::perms(0644)); !written) {
    diagnostics.error({}, written.error().message);
    return summary;
  }
  if (Status committed = output->commit(); !committed) diagnostics.error({}, committed.error().message);
  else packages.save();
  progress.finish();
  if (remote && !remote->problem().empty())
    diagnostics.warning({}, "the remote cache " + remote->base_url() + " was left out of this build: " + remote->problem(),
                        "hint: results still went to the local cache; check SLS_REMOTE_CACHE and the server");
  summary.steps = counters.snapshot();
  // Keep the shared cache within its size limit; only builds that added to it can have grown it.
  if (summary.steps.compiled + summary.steps.linked > 0) store.prune(configured_cache_limit());
  return summary;
}

}  // namespace sls

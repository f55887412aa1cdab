#include "bundler/project/project.hpp"

#include <set>

#include "bundler/project/lint_settings.hpp"
#include "bundler/project/pkg_config.hpp"
#include "bundler/project/scan.hpp"
#include "core/install_layout.hpp"

namespace sls {
namespace fs = std::filesystem;

fs::path state_dir_for(const fs::path& project_dir) { return project_dir / ".sls"; }

Expected<FileLock> claim_state_dir(const fs::path& project_dir, const std::function<void()>& on_wait) {
  fs::path state = state_dir_for(project_dir);
  std::error_code ec;
  fs::file_status status = fs::symlink_status(state, ec);
  if (status.type() == fs::file_type::symlink)
    return make_error(".sls is a symlink; sls keeps its build and output in a real .sls folder of the project "
                      "and never writes through a link (remove it and build again)");
  if (status.type() != fs::file_type::not_found && status.type() != fs::file_type::directory)
    return make_error(".sls is not a folder; remove it so sls can keep its build and output there");
  fs::create_directories(state, ec);
  if (ec) return make_error("cannot create .sls: " + ec.message());
  return FileLock::acquire(state / "lock", on_wait);
}
fs::path output_dir_for(const fs::path& project_dir) { return state_dir_for(project_dir) / "output"; }

UnitOptions LoadedProject::unit_options(const PlannedFunction* function, const Platform& platform) const {
  UnitOptions options{platform.target, config.optimize, layout.root, {}, {}};
  options.arch = platform.arch;
  options.build = &lib_build;
  if (function) {
    options.function_name = function->name();
    options.function_route = function->route();
    options.build = &function->build;
  }
  return options;
}

namespace {

// A missing cross sysroot is named once, before anything compiles, rather
// than as a "file not found" from every arm64 compile.
bool check_platforms(const LoadedProject& project, Diagnostics& diagnostics) {
  std::set<Platform> platforms;
  for (const PlannedFunction& planned : project.plan)
    if (planned.compiles()) platforms.insert(planned.platform());
  bool ok = true;
  for (const Platform& platform : platforms) {
    if (Status usable = check_platform(project.toolchain, platform); !usable) {
      diagnostics.error({"sls.toml", 0, 0}, usable.error().message);
      ok = false;
    }
  }
  return ok;
}

}  // namespace

std::optional<LoadedProject> load_project(const fs::path& project_dir, std::optional<Target> target_override,
                                          Diagnostics& diagnostics, std::optional<std::string> arch_override) {
  std::optional<ProjectConfig> config = load_project_config(project_dir, diagnostics);
  if (!config) return std::nullopt;
  LoadedProject project;
  project.config = std::move(*config);
  if (arch_override) {  // --arch: for every native function, so clear the function tables' own
    project.config.arch = *arch_override;
    for (auto& [name, settings] : project.config.functions) settings.arch.reset();
  }
  project.target_override = target_override;
  project.layout = scan_project(project_dir, diagnostics);
  std::size_t errors_before = diagnostics.count(Severity::Error);
  project.plan = plan_functions(project.layout, project.config, target_override, diagnostics);
  project.lint_options = lint_options_from_config(project.config.lint, diagnostics);
  project.lib_build = project.config.build;
  resolve_build_flags(project.lib_build, project.layout.root, project.lib_platform(), diagnostics);
  for (PlannedFunction& planned : project.plan) {
    if (planned.compiles()) resolve_build_flags(planned.build, project.layout.root, planned.platform(), diagnostics);
  }
  if (diagnostics.count(Severity::Error) > errors_before) return std::nullopt;
  auto install = find_install_layout();
  if (!install) {
    diagnostics.error({}, install.error().message);
    return std::nullopt;
  }
  project.toolchain = make_toolchain(*install);
  if (!check_platforms(project, diagnostics)) return std::nullopt;
  return project;
}

namespace {

// The nearest folder above `file` for which `holds` is true.
template <typename Predicate>
std::optional<fs::path> nearest_folder(const fs::path& file, Predicate holds) {
  for (fs::path dir = file.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (holds(dir)) return dir;
    if (dir == dir.parent_path()) break;
  }
  return std::nullopt;
}

}  // namespace

fs::path project_root_for(const fs::path& file) {
  std::error_code ec;
  if (auto root = nearest_folder(file, [&](const fs::path& dir) { return fs::exists(dir / "sls.toml", ec); }))
    return *root;
  if (auto root = nearest_folder(file, [&](const fs::path& dir) { return fs::is_directory(dir / "api", ec); }))
    return *root;
  return file.parent_path();
}

}  // namespace sls

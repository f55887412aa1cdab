#include "bundler/compile/compdb.hpp"

#include <nlohmann/json.hpp>

#include "bundler/project/scan.hpp"
#include "core/file_system.hpp"
#include "core/install_layout.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

constexpr const char* k_file_name = "compile_commands.json";

CompileCommandEntry entry_for(const Toolchain& toolchain, const UnitOptions& options, const std::string& source) {
  return {options.project_root.string(), source, frontend_command(toolchain, options, source)};
}

}  // namespace

std::vector<CompileCommandEntry> compile_commands_for(const ProjectLayout& layout, const std::vector<PlannedFunction>& plan,
                                                      const Toolchain& toolchain, Optimize optimize, Target lib_target) {
  std::vector<CompileCommandEntry> entries;
  for (const PlannedFunction& planned : plan) {
    if (planned.source->kind != FunctionKind::Source) continue;
    UnitOptions options{planned.metadata.target, optimize, layout.root, planned.source->name, planned.source->route};
    for (const std::string& source : planned.source->sources) entries.push_back(entry_for(toolchain, options, source));
  }
  UnitOptions lib_options{lib_target, optimize, layout.root, {}, {}};
  for (const std::string& source : layout.lib_sources) entries.push_back(entry_for(toolchain, lib_options, source));
  return entries;
}

std::string render_compile_commands(const std::vector<CompileCommandEntry>& entries) {
  nlohmann::json array = nlohmann::json::array();
  for (const CompileCommandEntry& entry : entries)
    array.push_back({{"directory", entry.directory}, {"file", entry.file}, {"arguments", entry.arguments}});
  return array.dump(2) + "\n";
}

Status write_compile_commands(const fs::path& project_root, const std::vector<CompileCommandEntry>& entries) {
  std::string text = render_compile_commands(entries);
  fs::path path = project_root / k_file_name;
  if (auto existing = read_file(path); existing && *existing == text) return Ok{};
  return write_file_atomically(path, text, fs::perms(0644));
}

void update_compile_commands(const ProjectLayout& layout, const std::vector<PlannedFunction>& plan,
                             const Toolchain& toolchain, const ProjectConfig& config,
                             std::optional<Target> target_override, Diagnostics& diagnostics) {
  Target lib_target = target_override.value_or(config.target);
  auto entries = compile_commands_for(layout, plan, toolchain, config.optimize, lib_target);
  if (Status written = write_compile_commands(layout.root, entries); !written)
    diagnostics.warning({k_file_name, 0, 0}, "not updated (" + written.error().message +
                                                 "); editors may show stale flags until sls compdb succeeds");
}

std::optional<std::vector<CompileCommandEntry>> plan_compile_commands(const fs::path& project_dir,
                                                                      std::optional<Target> target_override,
                                                                      Diagnostics& diagnostics) {
  std::optional<ProjectConfig> config = load_project_config(project_dir, diagnostics);
  if (!config) return std::nullopt;
  ProjectLayout layout = scan_project(project_dir, diagnostics);
  std::size_t errors_before = diagnostics.count(Severity::Error);
  std::vector<PlannedFunction> plan = plan_functions(layout, *config, target_override, diagnostics);
  if (diagnostics.count(Severity::Error) > errors_before) return std::nullopt;
  auto install = find_install_layout();
  if (!install) {
    diagnostics.error({}, install.error().message);
    return std::nullopt;
  }
  Target lib_target = target_override.value_or(config->target);
  return compile_commands_for(layout, plan, make_toolchain(*install), config->optimize, lib_target);
}

std::optional<fs::path> generate_compile_commands(const fs::path& project_dir, std::optional<Target> target_override,
                                                  Diagnostics& diagnostics) {
  auto entries = plan_compile_commands(project_dir, target_override, diagnostics);
  if (!entries) return std::nullopt;
  fs::path root = fs::absolute(project_dir).lexically_normal();  // as scan_project makes layout.root
  if (root.filename().empty()) root = root.parent_path();
  if (Status written = write_compile_commands(root, *entries); !written) {
    diagnostics.error({root.string(), 0, 0}, "cannot write " + std::string(k_file_name) + ": " + written.error().message);
    return std::nullopt;
  }
  return root / k_file_name;
}

}  // namespace sls

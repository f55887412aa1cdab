#include "bundler/compile/compdb.hpp"

#include <nlohmann/json.hpp>

#include "core/file_system.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

constexpr const char* k_file_name = "compile_commands.json";

CompileCommandEntry entry_for(const Toolchain& toolchain, const UnitOptions& options, const std::string& source) {
  return {options.project_root.string(), source, frontend_command(toolchain, options, source)};
}

}  // namespace

std::vector<CompileCommandEntry> compile_commands_for(const LoadedProject& project) {
  std::vector<CompileCommandEntry> entries;
  for (const PlannedFunction& planned : project.plan) {
    if (!planned.compiles()) continue;
    UnitOptions options = project.unit_options(&planned, planned.platform());
    for (const std::string& source : planned.source->sources)
      entries.push_back(entry_for(project.toolchain, options, source));
  }
  for (const std::string& source : project.layout.lib_sources)
    entries.push_back(compile_command_for_other_file(project, source));
  return entries;
}

CompileCommandEntry compile_command_for_other_file(const LoadedProject& project, const std::string& relative_path) {
  return entry_for(project.toolchain, project.unit_options(nullptr, project.lib_platform()), relative_path);
}

std::string render_compile_commands(const std::vector<CompileCommandEntry>& entries) {
  nlohmann::json array = nlohmann::json::array();
  for (const CompileCommandEntry& entry : entries)
    array.push_back({{"directory", entry.directory}, {"file", entry.file}, {"arguments", entry.arguments}});
  return array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

namespace {

Status write_rendered(const fs::path& project_root, const std::string& text) {
  fs::path path = project_root / k_file_name;
  if (auto existing = read_file(path); existing && *existing == text) return Ok{};
  return write_file_atomically(path, text, fs::perms(0644));
}

}  // namespace

Status write_compile_commands(const fs::path& project_root, const std::vector<CompileCommandEntry>& entries) {
  return write_rendered(project_root, render_compile_commands(entries));
}

void update_compile_commands(const LoadedProject& project, const std::string& rendered, Diagnostics& diagnostics) {
  if (Status written = write_rendered(project.layout.root, rendered); !written)
    diagnostics.warning({k_file_name, 0, 0}, "not updated (" + written.error().message +
                                                 "); editors may show stale flags until sls compdb succeeds");
}

std::optional<fs::path> generate_compile_commands(const fs::path& project_dir, std::optional<Target> target_override,
                                                  Diagnostics& diagnostics) {
  std::optional<LoadedProject> project = load_project(project_dir, target_override, diagnostics);
  if (!project) return std::nullopt;
  const fs::path& root = project->layout.root;
  if (Status written = write_compile_commands(root, compile_commands_for(*project)); !written) {
    diagnostics.error({root.string(), 0, 0},
                      "cannot write " + std::string(k_file_name) + ": " + written.error().message);
    return std::nullopt;
  }
  return root / k_file_name;
}

}  // namespace sls

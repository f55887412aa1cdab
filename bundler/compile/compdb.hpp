#pragma once
// compile_commands.json for editors: one entry per translation unit sls
// compiles, carrying exactly the flags of frontend_command (SDK include path,
// target, defines), so clangd sees what the build sees.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bundler/project/project.hpp"
#include "core/diagnostics.hpp"

namespace sls {

struct CompileCommandEntry {
  std::string directory;               // absolute project root: sls compiles from there
  std::string file;                    // project-relative source
  std::vector<std::string> arguments;  // frontend_command, compiler first
};

// Every function source with its function's target and defines, then every
// lib/ source with the project's target.
std::vector<CompileCommandEntry> compile_commands_for(const LoadedProject& project);

// The entry for a project file that is neither a function source nor in
// lib/: the project's flags, as for lib/ code.
CompileCommandEntry compile_command_for_other_file(const LoadedProject& project, const std::string& relative_path);

// The JSON Clang's JSONCompilationDatabase reads, entries in the given order.
std::string render_compile_commands(const std::vector<CompileCommandEntry>& entries);

// Writes ROOT/compile_commands.json atomically, and only when its content
// changes, so editors do not reload for nothing.
Status write_compile_commands(const std::filesystem::path& project_root,
                              const std::vector<CompileCommandEntry>& entries);

// The step of `sls build`: the file for the plan being built, as
// render_compile_commands made it (the build log keys the flags by the same
// text). Failing to write it is a warning, never a reason to fail the build.
void update_compile_commands(const LoadedProject& project, const std::string& rendered, Diagnostics& diagnostics);

// `sls compdb`: load the project, then write the file. Problems go to
// `diagnostics`; returns the path written, or nullopt.
std::optional<std::filesystem::path> generate_compile_commands(const std::filesystem::path& project_dir,
                                                               std::optional<Target> target_override,
                                                               Diagnostics& diagnostics);

}  // namespace sls

#pragma once
// Every subcommand registers itself on the app through one of these; main.cpp
// lists them in one table. Each command lives in its own file with an options
// struct, a setup function that binds it, and a run function that does the work.

#include <CLI/CLI.hpp>

namespace sls::cli {

// Exit codes shared by every command.
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_failed = 1;      // the input has problems (build errors, lint errors)
inline constexpr int k_exit_tool_error = 2;  // sls itself could not do its job

void add_build_command(CLI::App& app);
void add_inspect_command(CLI::App& app);
void add_invoke_command(CLI::App& app);
void add_clean_command(CLI::App& app);
void add_cache_command(CLI::App& app);
void add_init_command(CLI::App& app);
void add_compdb_command(CLI::App& app);
void add_lsp_command(CLI::App& app);
void add_dev_command(CLI::App& app);
void add_export_command(CLI::App& app);

}  // namespace sls::cli

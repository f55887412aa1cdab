// sls compdb [DIR]: write DIR/compile_commands.json for clangd and other
// editors, without building anything. `sls build` writes the same file.

#include <iostream>

#include "bundler/compile/compdb.hpp"
#include "cli/commands.hpp"
#include "cli/report.hpp"

namespace sls::cli {
namespace {

struct CompdbCommandOptions {
  std::string project_dir = ".";
  std::string target;
};

int run_compdb(const CompdbCommandOptions& options) {
  Diagnostics diagnostics;
  std::optional<Target> target;
  if (!options.target.empty()) target = parse_target(options.target);
  std::optional<std::filesystem::path> written = generate_compile_commands(options.project_dir, target, diagnostics);
  print_diagnostics(diagnostics, std::cerr);
  if (!written) {
    std::cerr << "sls: no compile_commands.json written; fix the problems above and run sls compdb again\n";
    return k_exit_failed;
  }
  std::cerr << "sls: wrote " << written->string() << "; restart your editor's language server if it was running\n";
  return k_exit_ok;
}

}  // namespace

void add_compdb_command(CLI::App& app) {
  auto options = std::make_shared<CompdbCommandOptions>();
  CLI::App* command =
      app.add_subcommand("compdb", "Write compile_commands.json (the exact flags sls compiles with) for editors");
  command->add_option("dir", options->project_dir, "Project folder (default: the current folder)");
  command->add_option("--target", options->target, "Describe every function for this target, overriding sls.toml")
      ->check(CLI::IsMember(k_target_names));
  command->footer(
      "Examples:\n  sls compdb\n  sls compdb myapp && clangd-19 --check=myapp/api/hello.cpp\n"
      "  sls compdb --target wasm");
  command->callback([options] { throw CLI::RuntimeError(run_compdb(*options)); });
}

}  // namespace sls::cli

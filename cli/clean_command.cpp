// sls clean [DIR]: remove the outputs and intermediate files of a project.

#include <iostream>

#include "bundler/pipeline.hpp"
#include "cli/commands.hpp"

namespace sls::cli {
namespace {

struct CleanCommandOptions {
  std::string project_dir = ".";
};

int run_clean(const CleanCommandOptions& options) {
  std::error_code ec;
  std::filesystem::path state = state_dir_for(options.project_dir);
  std::filesystem::remove_all(state, ec);
  if (ec) {
    std::cerr << "sls: cannot remove " << state.string() << ": " << ec.message()
              << "; check its permissions (or whether a build is still running) and try again\n";
    return k_exit_tool_error;
  }
  std::cerr << "sls: removed " << state.string() << "\n";
  return k_exit_ok;
}

}  // namespace

void add_clean_command(CLI::App& app) {
  auto options = std::make_shared<CleanCommandOptions>();
  CLI::App* command = app.add_subcommand("clean", "Remove .sls/ (outputs and intermediate files)");
  command->add_option("dir", options->project_dir, "Project folder (default: the current folder)");
  command->footer("Examples:\n  sls clean\n  sls clean examples/quickstart");
  command->callback([options] { throw CLI::RuntimeError(run_clean(*options)); });
}

}  // namespace sls::cli

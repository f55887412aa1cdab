// sls: one table of subcommands; every command's work is in its own file.

#include <csignal>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/lint_command.hpp"
#include "cli/version.hpp"

namespace {

void register_commands(CLI::App& app) {
  sls::cli::add_build_command(app);    // scan, compile, package
  sls::cli::add_lint_command(app);     // the freeze/thaw/reuse analyzers
  sls::cli::add_inspect_command(app);  // list and verify a bundle
  sls::cli::add_invoke_command(app);   // run a built function locally
  sls::cli::add_dev_command(app);      // serve the project locally, rebuilding on saves
  sls::cli::add_export_command(app);   // Serverless Framework, SAM and Vercel formats from the manifest
  sls::cli::add_clean_command(app);    // remove .sls/
  sls::cli::add_cache_command(app);    // stats and prune of the shared build cache
  sls::cli::add_init_command(app);     // scaffold a project from a template
  sls::cli::add_compdb_command(app);   // compile_commands.json for editors
  sls::cli::add_lsp_command(app);      // language server for editors
}

}  // namespace

int main(int argc, char** argv) {
  // A child that exits early must not kill sls through a broken stdin pipe.
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"sls: build serverless C/C++ projects into deployable bundles"};
  app.set_version_flag("--version", sls::cli::version_text());
  app.require_subcommand(1);
  app.footer(
      "Examples:\n  sls init myapp && cd myapp\n  sls build\n  sls invoke api/hello --path '/api/hello?name=Ada'\n"
      "Run sls COMMAND --help for a command's options and examples.");
  register_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& done) {
    return done.get_exit_code();  // commands report their exit status this way
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : sls::cli::k_exit_tool_error;
  } catch (const std::exception& error) {
    std::cerr << "sls: internal error: " << error.what()
              << "\nplease report it with the command line and sls --version\n";
    return sls::cli::k_exit_tool_error;
  }
  return 0;
}

// sls lsp: a Language Server on stdin/stdout, for editors (docs/editors.md).

#include <iostream>

#include "cli/commands.hpp"
#include "lsp/server.hpp"

namespace sls::cli {
namespace {

int run_lsp() {
  // The protocol is byte-counted: no locale, no newline translation, nothing else on stdout.
  std::ios::sync_with_stdio(false);
  lsp::ProjectLinter linter;
  return lsp::serve(std::cin, std::cout, linter);
}

}  // namespace

void add_lsp_command(CLI::App& app) {
  CLI::App* command = app.add_subcommand(
      "lsp", "Run the language server (JSON-RPC on stdin/stdout) that shows lint findings in editors");
  command->footer(
      "Examples:\n  sls lsp            # started by the editor, not by hand\n"
      "  Neovim 0.10+: vim.lsp.start({ name = 'sls', cmd = { 'sls', 'lsp' } })\n"
      "  Neovim 0.7, VS Code: see docs/editors.md");
  command->callback([] { throw CLI::RuntimeError(run_lsp()); });
}

}  // namespace sls::cli

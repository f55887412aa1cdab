// sls export serverless|sam|vercel [DIR] [--out OUT]: the deploy formats
// existing tools read, made from .sls/output/manifest.json alone
// (docs/deploy.md).

#include <iostream>

#include "bundler/deploy/deploy_export.hpp"
#include "bundler/pipeline.hpp"
#include "cli/commands.hpp"

namespace sls::cli {
namespace {

struct ExportCommandOptions {
  std::string format;
  std::string project_dir = ".";
  std::string out_dir;  // default: DIR/.sls/deploy/FORMAT
};

std::filesystem::path out_dir_for(const ExportCommandOptions& options) {
  if (!options.out_dir.empty()) return options.out_dir;
  return state_dir_for(options.project_dir) / "deploy" / options.format;
}

int run_export(const ExportCommandOptions& options) {
  ExportFormat format = *parse_export_format(options.format);  // CLI11 checked the name
  std::filesystem::path output_dir = output_dir_for(options.project_dir);
  auto project = read_deploy_project(output_dir);
  if (!project) {
    std::cerr << "sls: error: " << project.error().message << "\n";
    return k_exit_failed;
  }
  auto result = export_project(*project, format);
  if (!result) {
    std::cerr << "sls: error: " << result.error().message << "\n";
    return k_exit_failed;
  }
  for (const std::string& warning : project->warnings) std::cerr << "sls: warning: " << warning << "\n";
  for (const std::string& warning : result->warnings) std::cerr << "sls: warning: " << warning << "\n";
  std::filesystem::path out = out_dir_for(options);
  Status written = write_export(*result, output_dir, out);
  if (!written) {
    std::cerr << "sls: error: " << written.error().message << "\n";
    return k_exit_tool_error;
  }
  std::cerr << "sls: wrote the " << options.format << " export to " << out.string() << "\n";
  return k_exit_ok;
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "export", "Write a deploy format (Serverless Framework v3, AWS SAM, Vercel Build Output v3) from the last build");
  command->add_option("format", options->format, "serverless, sam or vercel")
      ->required()
      ->check(CLI::IsMember({"serverless", "sam", "vercel"}));
  command->add_option("dir", options->project_dir, "Project folder (default: the current folder)");
  command->add_option("--out", options->out_dir, "Export folder, replaced as a whole (default: DIR/.sls/deploy/FORMAT)");
  command->footer(
      "Examples:\n  sls export serverless        # after sls build\n  sls export sam examples/quickstart\n"
      "  sls export vercel --out deploy-vercel\nSee docs/deploy.md for deploying each format.");
  command->callback([options] { throw CLI::RuntimeError(run_export(*options)); });
}

}  // namespace sls::cli

// sls lint [DIR or FILES...]: check functions for the hazards of the
// freeze/thaw/reuse model with the exact flags `sls build` compiles them
// with, and print the findings as GNU diagnostics, JSON, SARIF, GitHub
// annotations or GitLab code quality (codeclimate). Exit 0 clean, 1 errors
// remain, 2 the tool failed. --fix and --fix-dry-run apply the fix-its or
// print them as a diff (cli/lint_fix.cpp).

#include "cli/lint_command.hpp"

#include <filesystem>
#include <iostream>
#include <map>

#include "analyzers/format/formatters.hpp"
#include "analyzers/lint.hpp"
#include "analyzers/rule_registry.hpp"
#include "bundler/lint/lint_jobs.hpp"
#include "bundler/project/project.hpp"
#include "cli/commands.hpp"
#include "cli/lint_fix.hpp"
#include "cli/report.hpp"
#include "cli/terminal.hpp"
#include "core/spelling.hpp"

namespace sls::cli {
namespace {

namespace fs = std::filesystem;
namespace lint = sls::analyzers;

struct LintCommandOptions {
  std::vector<std::string> paths;
  std::string format = "gnu";
  std::string profile;                       // empty: sls.toml, else lambda-default
  std::vector<std::string> rule_severities;  // RULE=SEVERITY, after sls.toml's
  bool report_unused_suppressions = false;
  bool list_rules = false;
  bool fix = false;
  bool fix_dry_run = false;
};

// The files of one project to check, and the project's [lint] settings.
struct ProjectJobs {
  fs::path root;
  lint::LintOptions options;  // the project's [lint]
  std::vector<lint::LintJob> jobs;
};

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const auto& rule : lint::all_rules()) ids.emplace_back(rule.id);
  return ids;
}

// "sls-dlopen=off" -> the pair, or a message saying what is wrong.
Expected<std::pair<std::string, lint::Severity>> parse_rule_severity(const std::string& text) {
  auto equals = text.find('=');
  std::string rule = text.substr(0, equals);
  if (equals == std::string::npos) return Error{"expected RULE=SEVERITY, got '" + text + "'"};
  auto severity = lint::parse_severity(text.substr(equals + 1));
  if (!lint::find_rule(rule)) return Error{"unknown rule '" + rule + "'" + did_you_mean(rule, rule_ids())};
  if (!severity) return Error{"unknown severity '" + text.substr(equals + 1) + "' (use off, note, warning or error)"};
  return std::pair{rule, *severity};
}

// Every translation unit of the project with the flags `sls build` uses;
// `only` restricts it to the given files (absolute paths).
std::optional<ProjectJobs> project_jobs(const fs::path& root, const std::vector<fs::path>& only,
                                        Diagnostics& diagnostics) {
  std::optional<LoadedProject> project = load_project(root, std::nullopt, diagnostics);
  if (!project) return std::nullopt;
  std::vector<lint::LintJob> jobs = lint_jobs_for(*project, only);
  return ProjectJobs{project->layout.root, std::move(project->lint_options), std::move(jobs)};
}

// Groups the command-line paths by project: a folder is a whole project,
// files are checked within the project they belong to.
std::vector<ProjectJobs> collect_jobs(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  std::map<fs::path, std::vector<fs::path>> files_by_root;
  std::vector<ProjectJobs> projects;
  for (const std::string& path : paths.empty() ? std::vector<std::string>{"."} : paths) {
    std::error_code ec;
    fs::path absolute = fs::weakly_canonical(fs::absolute(path), ec);
    if (fs::is_directory(absolute)) {
      if (auto project = project_jobs(absolute, {}, diagnostics)) projects.push_back(std::move(*project));
    } else if (fs::is_regular_file(absolute)) {
      files_by_root[project_root_for(absolute)].push_back(absolute);
    } else {
      diagnostics.error({path, 0, 0}, "no such file or folder");
    }
  }
  for (const auto& [root, files] : files_by_root) {
    if (auto project = project_jobs(root, files, diagnostics)) projects.push_back(std::move(*project));
  }
  return projects;
}

// sls.toml's [lint] first (as `sls build` reads it), the command line after it (last one wins).
lint::LintOptions lint_options_for(lint::LintOptions lint_options, const LintCommandOptions& options,
                                   const std::vector<std::pair<std::string, lint::Severity>>& cli_overrides) {
  if (!options.profile.empty()) lint_options.profile = options.profile;
  lint_options.report_unused_suppressions = options.report_unused_suppressions;
  for (const auto& override_pair : cli_overrides) lint_options.severity_overrides.push_back(override_pair);
  return lint_options;
}

void append(lint::LintReport& into, lint::LintReport&& from) {
  std::move(from.findings.begin(), from.findings.end(), std::back_inserter(into.findings));
  std::move(from.failures.begin(), from.failures.end(), std::back_inserter(into.failures));
  std::move(from.assets.begin(), from.assets.end(), std::back_inserter(into.assets));
}

void print_summary(const lint::LintReport& report, std::size_t files) {
  std::cerr << "sls lint: " << files << (files == 1 ? " file" : " files") << ", " << report.count(lint::Severity::Error)
            << " errors, " << report.count(lint::Severity::Warning) << " warnings, "
            << report.count(lint::Severity::Note) << " notes";
  if (!report.failures.empty()) std::cerr << ", " << report.failures.size() << " not analysed";
  std::cerr << "\n";
}

int run_lint(const LintCommandOptions& options) {
  if (!options.profile.empty() && !lint::is_profile(options.profile)) {
    std::cerr << "sls: unknown profile '" << options.profile
              << "' (use lambda-default, snapshot or concurrent-instance)\n";
    return k_exit_tool_error;
  }
  if (options.list_rules) {
    lint::LintOptions listed;
    if (!options.profile.empty()) listed.profile = options.profile;
    lint::write_rule_list(std::cout, listed);
    return k_exit_ok;
  }
  std::vector<std::pair<std::string, lint::Severity>> cli_overrides;
  for (const std::string& text : options.rule_severities) {
    auto parsed = parse_rule_severity(text);
    if (!parsed) {
      std::cerr << "sls: --rule-severity: " << parsed.error().message << "\n";
      return k_exit_tool_error;
    }
    cli_overrides.push_back(*parsed);
  }
  Diagnostics diagnostics;
  std::vector<ProjectJobs> projects = collect_jobs(options.paths, diagnostics);
  lint::LintReport report;
  std::size_t files = 0;
  lint::FormatOptions format_options;
  bool all_fixed = true;
  for (const ProjectJobs& project : projects) {
    lint::LintOptions lint_options = lint_options_for(project.options, options, cli_overrides);
    lint::LintReport project_report = lint::lint(project.jobs, lint_options);
    if (options.fix || options.fix_dry_run)
      all_fixed &= apply_fixes({project.root, lint_options, project.jobs}, project_report,
                               options.fix_dry_run ? FixMode::DryRun : FixMode::Apply, std::cout, std::cerr);
    append(report, std::move(project_report));
    files += project.jobs.size();
    format_options.lint = lint_options;
    format_options.source_root_uri = "file://" + project.root.generic_string() + "/";
  }
  print_diagnostics(diagnostics, std::cerr);
  if (diagnostics.has_errors()) return k_exit_tool_error;
  if (options.fix_dry_run) return all_fixed ? lint::exit_status(report) : k_exit_tool_error;  // stdout is the diff
  format_options.color = use_colour(Stream::Out) ? lint::Color::On : lint::Color::Off;
  if (projects.size() != 1) format_options.source_root_uri.clear();
  lint::write_report(std::cout, report, *lint::parse_output_format(options.format), format_options);
  if (options.format == "gnu") print_summary(report, files);
  if (!all_fixed) return k_exit_tool_error;
  return lint::exit_status(report);
}

}  // namespace

void add_lint_command(CLI::App& app) {
  auto options = std::make_shared<LintCommandOptions>();
  CLI::App* command = app.add_subcommand("lint", "Check functions for hazards of the freeze/thaw/reuse model");
  command->add_option("paths", options->paths, "Project folder or source files (default: the current folder)");
  command->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"gnu", "json", "sarif", "github", "codeclimate"}));
  command->add_option("--profile", options->profile,
                      "lambda-default, snapshot or concurrent-instance (overrides sls.toml)");
  command
      ->add_option("--rule-severity", options->rule_severities,
                   "RULE=off|note|warning|error, repeatable, applied after sls.toml")
      ->take_last()
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command->add_flag("--report-unused-suppressions", options->report_unused_suppressions,
                    "Report NOLINT comments that suppress nothing");
  command->add_flag("--list-rules", options->list_rules, "Print the rule catalogue and exit");
  auto* fix = command->add_flag("--fix", options->fix,
                                "Apply every fix-it in place (all or nothing per file; a file whose fixed text "
                                "would not parse is left untouched)");
  command->add_flag("--fix-dry-run", options->fix_dry_run, "Print the fix-its as a unified diff; change nothing")
      ->excludes(fix);
  command->footer(
      "Exit status: 0 clean, 1 errors remain, 2 sls could not check every file.\n"
      "Examples:\n  sls lint\n  sls lint api/hello.cpp --format json\n"
      "  sls lint --format sarif > lint.sarif\n  sls lint --format codeclimate > gl-code-quality-report.json\n  sls lint --fix-dry-run | git apply   # same as --fix\n  sls lint --profile snapshot --rule-severity sls-dlopen=off");
  command->callback([options] { throw CLI::RuntimeError(run_lint(*options)); });
}

}  // namespace sls::cli

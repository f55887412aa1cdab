#include "lsp/linter.hpp"

#include "bundler/compile/compdb.hpp"
#include "config/project_config.hpp"

namespace sls::lsp {
namespace fs = std::filesystem;
namespace {

std::optional<fs::path> project_root_of(const fs::path& file) {
  std::error_code ec;
  for (fs::path dir = file.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "sls.toml", ec)) return dir;
    if (dir.filename() == "api") return dir.parent_path();
    if (dir == dir.parent_path()) break;
  }
  return std::nullopt;
}

analyzers::Severity severity_named(const std::string& name) {
  if (name == "off") return analyzers::Severity::Off;
  if (name == "note") return analyzers::Severity::Note;
  if (name == "error") return analyzers::Severity::Error;
  return analyzers::Severity::Warning;
}

analyzers::LintOptions options_from(const LintSettings& settings) {
  analyzers::LintOptions options;
  options.profile = settings.profile;
  for (const RuleSeveritySetting& setting : settings.severity)
    options.severity_overrides.emplace_back(setting.rule, severity_named(setting.severity));
  return options;
}

}  // namespace

DocumentLint ProjectLinter::lint(const fs::path& file, const std::string& text) {
  DocumentLint result;
  std::optional<fs::path> root = project_root_of(file);
  if (!root) return result;
  Diagnostics ignored;  // a broken sls.toml is `sls build`'s to report; here it only means "no flags"
  std::optional<ProjectConfig> config = load_project_config(*root, ignored);
  auto entries = plan_compile_commands(*root, std::nullopt, ignored);
  if (!config || !entries) return result;
  result.project_root = fs::weakly_canonical(*root);
  result.display_path = fs::weakly_canonical(file).lexically_relative(result.project_root).generic_string();
  for (const CompileCommandEntry& entry : *entries) {
    if (entry.file != result.display_path) continue;
    analyzers::LintJob job{fs::weakly_canonical(file).string(), entry.file, entry.arguments, entry.directory, text};
    result.report = analyzers::lint({job}, options_from(config->lint));
    result.linted = true;
  }
  return result;
}

}  // namespace sls::lsp

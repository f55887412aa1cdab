// sls init [DIR] --template NAME: scaffold a project from one of the templates
// sls ships (share/sls/templates). Nothing is overwritten without --force, and
// a conflict is found before the first file is written, so a refused init
// leaves the folder exactly as it was.

#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/terminal.hpp"
#include "core/file_system.hpp"
#include "core/install_layout.hpp"
#include "core/spelling.hpp"

namespace sls::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* k_template_info_file = ".sls-template";  // description and next steps; not copied
constexpr const char* k_name_placeholder = "{{project}}";

struct InitCommandOptions {
  std::string project_dir = ".";
  std::string template_name = "http-native";
  bool list = false;
  bool force = false;
};

struct TemplateInfo {
  std::string name;
  std::string description;
  std::string next;   // the command to run after init, from the project folder
  std::string needs;  // what must run beside it (a database…), if anything
  fs::path dir;
};

void print_error(const std::string& message) {
  std::cerr << "sls: " << severity_word("error", use_colour(Stream::Err)) << " " << message << "\n";
}

// ".sls-template" holds "description: …", "next: …" and optional "needs: …" lines.
TemplateInfo read_template_info(const fs::path& dir) {
  TemplateInfo info{dir.filename().string(), "", "sls build", "", dir};
  auto file = read_file(dir / k_template_info_file);
  std::string text = file ? *file : "";
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (line.rfind("description: ", 0) == 0) info.description = line.substr(13);
    if (line.rfind("next: ", 0) == 0) info.next = line.substr(6);
    if (line.rfind("needs: ", 0) == 0) info.needs = line.substr(7);
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return info;
}

std::vector<TemplateInfo> list_templates(const fs::path& templates_dir) {
  std::vector<TemplateInfo> templates;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(templates_dir, ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / k_template_info_file))
      templates.push_back(read_template_info(entry.path()));
  }
  std::sort(templates.begin(), templates.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return templates;
}

std::vector<std::string> template_names(const std::vector<TemplateInfo>& templates) {
  std::vector<std::string> names;
  for (const TemplateInfo& info : templates) names.push_back(info.name);
  return names;
}

// The folder's name, reduced to characters that are safe in sls.toml and HTML.
std::string project_name_for(const fs::path& project_dir) {
  std::string name = fs::weakly_canonical(fs::absolute(project_dir)).filename().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '-';
  }
  return name.empty() ? "app" : name;
}

std::string substitute_name(std::string text, const std::string& name) {
  std::string placeholder = k_name_placeholder;
  for (std::size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + name.size()))
    text.replace(at, placeholder.size(), name);
  return text;
}

std::vector<std::string> files_of(const TemplateInfo& info) {
  std::vector<std::string> files = list_files_sorted(info.dir);
  std::erase(files, std::string(k_template_info_file));
  return files;
}

int print_template_list(const std::vector<TemplateInfo>& templates) {
  for (const TemplateInfo& info : templates) {
    std::string name = info.name + (info.name == "http-native" ? " (default)" : "");
    std::cout << "  " << name << std::string(name.size() < 24 ? 24 - name.size() : 1, ' ') << info.description << "\n";
  }
  return k_exit_ok;
}

const TemplateInfo* find_template(const std::vector<TemplateInfo>& templates, const std::string& name) {
  for (const TemplateInfo& info : templates) {
    if (info.name == name) return &info;
  }
  print_error("unknown template '" + name + "'" + did_you_mean(name, template_names(templates)) +
              "; run sls init --list to see the templates");
  return nullptr;
}

// Templates ship their .gitignore as "gitignore": a package must carry no VCS
// control files (lintian), and the project gets its dot name back on copy.
std::string project_path_of(const std::string& template_file) {
  fs::path path(template_file);
  if (path.filename() == "gitignore") return (path.parent_path() / ".gitignore").generic_string();
  return template_file;
}

// Files that would be overwritten; all are named so one run shows every conflict.
std::vector<std::string> conflicts_of(const std::vector<std::string>& files, const fs::path& project_dir) {
  std::vector<std::string> conflicts;
  std::error_code ec;
  for (const std::string& file : files) {
    if (fs::exists(project_dir / project_path_of(file), ec)) conflicts.push_back(project_path_of(file));
  }
  return conflicts;
}

Status copy_template(const TemplateInfo& info, const std::vector<std::string>& files, const fs::path& project_dir) {
  std::string name = project_name_for(project_dir);
  for (const std::string& file : files) {
    auto text = read_file(info.dir / file);
    if (!text) return text.error();
    std::error_code ec;
    fs::path destination = project_dir / project_path_of(file);
    fs::create_directories(destination.parent_path(), ec);
    if (Status written = write_file_atomically(destination, substitute_name(*text, name), fs::perms(0644));
        !written)
      return written;
  }
  return Ok{};
}

void print_next_steps(const TemplateInfo& info, std::size_t file_count, const std::string& project_dir) {
  bool colour = use_colour(Stream::Err);
  std::cerr << "sls: created " << file_count << " file(s) in " << project_dir << " from the template " << info.name
            << "\n"
            << (info.needs.empty() ? "" : "needs: " + info.needs + "\n") << "next: "
            << paint((project_dir == "." ? "" : "cd " + project_dir + " && ") + info.next, Colour::Bold, colour)
            << "\n";
}

int run_init(const InitCommandOptions& options) {
  auto layout = find_install_layout();
  if (!layout) {
    print_error(layout.error().message);
    return k_exit_tool_error;
  }
  std::vector<TemplateInfo> templates = list_templates(layout->share_dir / "templates");
  if (templates.empty()) {
    print_error("no templates under " + (layout->share_dir / "templates").string() + "; reinstall sls");
    return k_exit_tool_error;
  }
  if (options.list) return print_template_list(templates);
  const TemplateInfo* chosen = find_template(templates, options.template_name);
  if (!chosen) return k_exit_failed;
  std::vector<std::string> files = files_of(*chosen);
  if (std::vector<std::string> conflicts = conflicts_of(files, options.project_dir);
      !conflicts.empty() && !options.force) {
    for (const std::string& file : conflicts)
      std::cerr << (fs::path(options.project_dir) / file).string() << ": exists\n";
    print_error("not overwriting " + std::to_string(conflicts.size()) +
                " existing file(s); pass --force to replace "
                "them, or choose an empty folder: sls init NEW-FOLDER --template " +
                chosen->name);
    return k_exit_failed;
  }
  if (Status copied = copy_template(*chosen, files, options.project_dir); !copied) {
    print_error("cannot write the project: " + copied.error().message + "; check that " + options.project_dir +
                " is writable");
    return k_exit_tool_error;
  }
  print_next_steps(*chosen, files.size(), options.project_dir);
  return k_exit_ok;
}

}  // namespace

void add_init_command(CLI::App& app) {
  auto options = std::make_shared<InitCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "init", "Create a project from a template (http-native, http-wasm, static-site, stateful-redis)");
  command->add_option("dir", options->project_dir, "Project folder, created if missing (default: the current folder)");
  command->add_option("-t,--template", options->template_name, "Template to start from (default: http-native)");
  command->add_flag("--list", options->list, "List the templates and exit");
  command->add_flag("-f,--force", options->force, "Overwrite files that already exist");
  command->footer(
      "Examples:\n  sls init myapp\n  sls init myapp --template http-wasm\n  sls init --list\n"
      "  sls init . --template static-site --force");
  command->callback([options] { throw CLI::RuntimeError(run_init(*options)); });
}

}  // namespace sls::cli

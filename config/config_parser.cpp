// Parses sls.toml into ProjectConfig. Every problem is reported with the
// file, line and column toml++ recorded for the offending node, and parsing
// goes on so one run names every problem in the file.

#include <toml++/toml.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "config/project_config.hpp"
#include "core/file_system.hpp"
#include "core/spelling.hpp"

namespace sls {
namespace {

const std::vector<std::string> k_top_level_keys = {"project", "build", "functions", "lint"};
const std::vector<std::string> k_project_keys = {"name", "regions"};
const std::vector<std::string> k_build_keys = {"target", "arch", "optimize"};
const std::vector<std::string> k_function_keys = {"target", "regions", "memory", "max_duration", "include", "env",
                                                   "link",   "max_size"};
const std::vector<std::string> k_lint_keys = {"profile", "severity"};
const std::vector<std::string> k_profiles = {"lambda-default", "snapshot", "concurrent-instance"};
const std::vector<std::string> k_severities = {"off", "note", "warning", "error"};

// Carries the file label and the diagnostics sink through the readers.
class ConfigReader {
public:
  ConfigReader(std::string file, Diagnostics& diagnostics) : m_file(std::move(file)), m_diagnostics(diagnostics) {}

  SourceLocation where(const toml::source_region& region) const {
    return {m_file, region.begin.line, region.begin.column};
  }

  void error(const toml::source_region& region, std::string message) {
    m_errors.push_back({Severity::Error, where(region), std::move(message), {}});
  }
  bool failed() const { return !m_errors.empty(); }

  // Reports in file order, whatever order the checks ran in.
  void flush() {
    std::stable_sort(m_errors.begin(), m_errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.location.line, a.location.column) < std::tie(b.location.line, b.location.column);
    });
    for (Diagnostic& error : m_errors) m_diagnostics.report(std::move(error));
    m_errors.clear();
  }

  // Reports keys of `table` not in `known` (with a hint); `context` names the table.
  void reject_unknown_keys(const toml::table& table, const std::vector<std::string>& known, const std::string& context) {
    for (auto&& [key, node] : table) {
      std::string name(key.str());
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      error(key.source(), "unknown key '" + name + "' in " + context + did_you_mean(name, known));
    }
  }

  const toml::table* sub_table(const toml::table& parent, std::string_view key, const std::string& context) {
    const toml::node* node = parent.get(key);
    if (!node) return nullptr;
    if (const toml::table* table = node->as_table()) return table;
    error(node->source(), "'" + std::string(key) + "' in " + context + " must be a table");
    return nullptr;
  }

  std::optional<std::string> string_value(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (auto value = node->value<std::string>()) return *value;
    error(node->source(), "'" + std::string(key) + "' must be a string");
    return std::nullopt;
  }

  std::optional<std::string> choice(const toml::table& table, std::string_view key, const std::vector<std::string>& allowed) {
    auto value = string_value(table, key);
    if (!value || std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return value;
    std::string list;
    for (const auto& option : allowed) list += (list.empty() ? "\"" : ", \"") + option + "\"";
    error(table.get(key)->source(), "'" + std::string(key) + "' must be one of " + list + ", not \"" + *value + "\"" +
                                        did_you_mean(*value, allowed));
    return std::nullopt;
  }

  std::optional<int> integer_in_range(const toml::table& table, std::string_view key, int low, int high) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    auto value = node->value<int64_t>();
    if (!value || !node->is_integer() || *value < low || *value > high) {
      error(node->source(), "'" + std::string(key) + "' must be an integer from " + std::to_string(low) + " to " +
                                std::to_string(high));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  std::optional<std::vector<std::string>> string_list(const toml::table& table, std::string_view key, bool allow_empty) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    const toml::array* array = node->as_array();
    std::vector<std::string> items;
    bool ok = array != nullptr && (allow_empty || !array->empty());
    if (array) {
      for (const toml::node& item : *array) {
        auto text = item.value<std::string>();
        if (!text || text->empty()) ok = false;
        else items.push_back(*text);
      }
    }
    if (!ok) {
      error(node->source(), "'" + std::string(key) + "' must be " + (allow_empty ? "an" : "a non-empty") +
                                " array of non-empty strings");
      return std::nullopt;
    }
    return items;
  }

private:
  std::string m_file;
  Diagnostics& m_diagnostics;
  std::vector<Diagnostic> m_errors;
};

Target parse_target(const std::string& text) { return text == "wasm" ? Target::Wasm : Target::Native; }

Optimize parse_optimize(const std::string& text) {
  if (text == "size") return Optimize::Size;
  if (text == "debug") return Optimize::Debug;
  return Optimize::Speed;
}

void read_project_table(ConfigReader& reader, const toml::table& root, ProjectConfig& config) {
  const toml::table* project = reader.sub_table(root, "project", "sls.toml");
  if (!project) return;
  reader.reject_unknown_keys(*project, k_project_keys, "[project]");
  if (auto name = reader.string_value(*project, "name")) config.name = *name;
  if (auto regions = reader.string_list(*project, "regions", false)) config.regions = *regions;
}

void read_build_table(ConfigReader& reader, const toml::table& root, ProjectConfig& config) {
  const toml::table* build = reader.sub_table(root, "build", "sls.toml");
  if (!build) return;
  reader.reject_unknown_keys(*build, k_build_keys, "[build]");
  if (auto target = reader.choice(*build, "target", {"native", "wasm"})) config.target = parse_target(*target);
  // arm64 is planned (DESIGN.md §4); until then only x86_64 is accepted.
  if (auto arch = reader.choice(*build, "arch", {"x86_64"})) config.arch = *arch;
  if (auto optimize = reader.choice(*build, "optimize", {"speed", "size", "debug"}))
    config.optimize = parse_optimize(*optimize);
}

std::vector<std::pair<std::string, std::string>> read_env(ConfigReader& reader, const toml::table& function) {
  std::vector<std::pair<std::string, std::string>> env;
  const toml::table* table = reader.sub_table(function, "env", "a [functions] table");
  if (!table) return env;
  for (auto&& [key, node] : *table) {
    auto value = node.value<std::string>();
    if (!value || !node.is_string()) reader.error(node.source(), "env value '" + std::string(key.str()) + "' must be a string");
    else env.emplace_back(std::string(key.str()), *value);
  }
  std::sort(env.begin(), env.end());
  return env;
}

// `link` names go on the link line as -l<name>: nothing that could pass as a flag or a path.
std::vector<std::string> read_link(ConfigReader& reader, const toml::table& function) {
  auto names = reader.string_list(function, "link", true);
  if (!names) return {};
  for (const std::string& name : *names) {
    bool valid = name[0] != '-' && std::all_of(name.begin(), name.end(), [](unsigned char c) {
      return std::isalnum(c) || c == '_' || c == '.' || c == '+' || c == '-';
    });
    if (!valid) reader.error(function.get("link")->source(), "'link' holds library names such as \"hiredis\" (for -lhiredis), not '" + name + "'");
  }
  return *names;
}

FunctionSettings read_function_table(ConfigReader& reader, const toml::table& table, const std::string& name) {
  FunctionSettings settings;
  settings.location = reader.where(table.source());
  reader.reject_unknown_keys(table, k_function_keys, "[functions.\"" + name + "\"]");
  if (auto target = reader.choice(table, "target", {"native", "wasm"})) settings.target = parse_target(*target);
  settings.regions = reader.string_list(table, "regions", false);
  settings.memory_mb = reader.integer_in_range(table, "memory", 128, 10240);      // AWS Lambda's range
  settings.max_duration_s = reader.integer_in_range(table, "max_duration", 1, 900);
  if (auto include = reader.string_list(table, "include", true)) settings.include = *include;
  settings.env = read_env(reader, table);
  settings.link = read_link(reader, table);
  settings.max_size = reader.integer_in_range(table, "max_size", 1, 262144000);  // bytes; AWS Lambda's unzipped quota
  return settings;
}

void read_functions_table(ConfigReader& reader, const toml::table& root, ProjectConfig& config) {
  const toml::table* functions = reader.sub_table(root, "functions", "sls.toml");
  if (!functions) return;
  for (auto&& [key, node] : *functions) {
    std::string name(key.str());
    if (const toml::table* table = node.as_table()) config.functions[name] = read_function_table(reader, *table, name);
    else reader.error(node.source(), "[functions.\"" + name + "\"] must be a table");
  }
}

void read_lint_table(ConfigReader& reader, const toml::table& root, ProjectConfig& config) {
  const toml::table* lint = reader.sub_table(root, "lint", "sls.toml");
  if (!lint) return;
  reader.reject_unknown_keys(*lint, k_lint_keys, "[lint]");
  if (auto profile = reader.choice(*lint, "profile", k_profiles)) {
    config.lint.profile = *profile;
    config.lint.profile_location = reader.where(lint->get("profile")->source());
  }
  const toml::table* severity = reader.sub_table(*lint, "severity", "[lint]");
  if (!severity) return;
  for (auto&& [key, node] : *severity) {
    auto value = node.value<std::string>();
    bool valid = value && std::find(k_severities.begin(), k_severities.end(), *value) != k_severities.end();
    if (!valid) {
      reader.error(node.source(), "severity of '" + std::string(key.str()) +
                                      "' must be \"off\", \"note\", \"warning\" or \"error\"" +
                                      (value ? did_you_mean(*value, k_severities) : ""));
      continue;
    }
    config.lint.severity.push_back({std::string(key.str()), *value, reader.where(key.source())});
  }
}

}  // namespace

std::string to_string(Target target) { return target == Target::Wasm ? "wasm" : "native"; }

std::string to_string(Optimize optimize) {
  switch (optimize) {
    case Optimize::Size: return "size";
    case Optimize::Debug: return "debug";
    case Optimize::Speed: return "speed";
  }
  return "speed";
}

std::optional<ProjectConfig> parse_project_config(std::string_view text, const std::string& file_label,
                                                  const std::string& default_name, Diagnostics& diagnostics) {
  ProjectConfig config;
  config.name = default_name;
  toml::table root;
  try {
    root = toml::parse(text, file_label);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    diagnostics.error({file_label, begin.line, begin.column}, std::string(error.description()));
    return std::nullopt;
  }
  ConfigReader reader(file_label, diagnostics);
  reader.reject_unknown_keys(root, k_top_level_keys, "sls.toml");
  read_project_table(reader, root, config);
  read_build_table(reader, root, config);
  read_functions_table(reader, root, config);
  read_lint_table(reader, root, config);
  bool failed = reader.failed();
  reader.flush();
  if (failed) return std::nullopt;
  return config;
}

std::optional<ProjectConfig> load_project_config(const std::filesystem::path& project_dir, Diagnostics& diagnostics) {
  std::string default_name = std::filesystem::absolute(project_dir).lexically_normal().filename().string();
  if (default_name.empty()) default_name = std::filesystem::absolute(project_dir).lexically_normal().parent_path().filename().string();
  std::filesystem::path file = project_dir / "sls.toml";
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    ProjectConfig config;
    config.name = default_name;
    return config;
  }
  auto text = read_file(file);
  if (!text) {
    diagnostics.error({"sls.toml", 0, 0}, text.error().message);
    return std::nullopt;
  }
  return parse_project_config(*text, "sls.toml", default_name, diagnostics);
}

}  // namespace sls

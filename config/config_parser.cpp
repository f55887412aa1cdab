// Parses sls.toml into ProjectConfig. Every problem is reported with the
// file, line and column toml++ recorded for the offending node, and parsing
// goes on so one run names every problem in the file.

#include <algorithm>
#include <set>
#include <tuple>

#include <toml++/toml.h>

#include "config/build_flags.hpp"
#include "config/static_config.hpp"
#include "config/config_reader.hpp"
#include "config/project_config.hpp"
#include "core/file_system.hpp"
#include "core/glob.hpp"
#include "core/spelling.hpp"

namespace sls {
namespace {

const std::vector<std::string> k_top_level_keys = {"project", "build", "functions", "lint", "static"};
const std::vector<std::string> k_project_keys = {"name", "regions"};
// Each table's own keys, plus the build settings (build_flags.hpp) both take.
std::vector<std::string> with_build_flags(std::vector<std::string> keys) {
  keys.insert(keys.end(), k_build_flag_keys.begin(), k_build_flag_keys.end());
  return keys;
}
const std::vector<std::string> k_build_keys = with_build_flags({"target", "arch", "optimize", "runtime"});
const std::vector<std::string> k_function_keys =
    with_build_flags({"target", "arch", "runtime", "regions", "memory", "max_duration", "concurrency", "include", "env", "link", "max_size", "cache_control"});
const std::vector<std::string> k_lint_keys = {"profile", "severity"};
const std::vector<std::string> k_profiles = {"lambda-default", "snapshot", "concurrent-instance"};
const std::vector<std::string> k_severities = {"off", "note", "warning", "error"};

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
  if (auto target = reader.choice(*build, "target", k_target_names)) config.target = *parse_target(*target);
  if (auto arch = reader.choice(*build, "arch", k_native_archs)) config.arch = *arch;
  if (auto runtime = reader.choice(*build, "runtime", k_native_runtimes)) config.runtime = *runtime;
  if (auto optimize = reader.choice(*build, "optimize", {"speed", "size", "debug"}))
    config.optimize = parse_optimize(*optimize);
  config.build = read_build_flags(reader, *build);
}

std::vector<std::pair<std::string, std::string>> read_env(ConfigReader& reader, const toml::table& function) {
  std::vector<std::pair<std::string, std::string>> env;
  const toml::table* table = reader.sub_table(function, "env", "a [functions] table");
  if (!table) return env;
  for (auto&& [key, node] : *table) {
    auto value = node.value<std::string>();
    if (!value || !node.is_string())
      reader.error(node.source(), "env value '" + std::string(key.str()) + "' must be a string");
    else
      env.emplace_back(std::string(key.str()), *value);
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
    if (!valid)
      reader.error(function.get("link")->source(),
                   "'link' holds library names such as \"hiredis\" (for -lhiredis), not '" + name + "'");
  }
  return *names;
}

// Checked here, at each glob's own line, so a bad glob is a config error and nothing is built.
std::vector<IncludeGlob> read_include_globs(ConfigReader& reader, const toml::table& function) {
  auto items = reader.located_strings(function, "include");
  if (!items) return {};
  std::vector<IncludeGlob> globs;
  for (const auto& [glob, where] : *items) {
    if (Status valid = check_glob(glob); !valid) reader.error(where, valid.error().message);
    else globs.push_back({glob, reader.where(where)});
  }
  return globs;
}

FunctionSettings read_function_table(ConfigReader& reader, const toml::table& table, const std::string& name) {
  FunctionSettings settings;
  settings.location = reader.where(table.source());
  reader.reject_unknown_keys(table, k_function_keys, "[functions.\"" + name + "\"]");
  if (auto target = reader.choice(table, "target", k_target_names)) settings.target = *parse_target(*target);
  settings.arch = reader.choice(table, "arch", k_native_archs);
  // A wasm module has no CPU architecture: a function that asks for both is a mistake, not a choice.
  if (settings.arch && settings.target == Target::Wasm)
    reader.error(table.get("arch")->source(), "'arch' applies to native functions; this function is target = "
                                              "\"wasm\" (remove 'arch', or set target = \"native\")");
  settings.runtime = reader.choice(table, "runtime", k_native_runtimes);
  settings.regions = reader.string_list(table, "regions", false);
  settings.memory_mb = reader.integer_in_range(table, "memory", 128, 10240);  // AWS Lambda's range
  settings.max_duration_s = reader.integer_in_range(table, "max_duration", 1, 900);
  settings.include = read_include_globs(reader, table);
  settings.concurrency = reader.integer_in_range(table, "concurrency", 1, k_max_concurrency);
  settings.env = read_env(reader, table);
  settings.link = read_link(reader, table);
  settings.max_size = reader.integer_in_range(table, "max_size", 1, 262144000);  // bytes; AWS Lambda's unzipped quota
  settings.cache_control = read_cache_control(reader, table);
  settings.build = read_build_flags(reader, table);
  return settings;
}

void read_functions_table(ConfigReader& reader, const toml::table& root, ProjectConfig& config) {
  const toml::table* functions = reader.sub_table(root, "functions", "sls.toml");
  if (!functions) return;
  for (auto&& [key, node] : *functions) {
    std::string name(key.str());
    if (const toml::table* table = node.as_table())
      config.functions[name] = read_function_table(reader, *table, name);
    else
      reader.error(node.source(), "[functions.\"" + name + "\"] must be a table");
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

std::string to_string(const Platform& platform) {
  if (platform.target == Target::Wasm || platform.arch == k_default_arch) return to_string(platform.target);
  return to_string(platform.target) + "-" + platform.arch;
}

std::optional<Target> parse_target(std::string_view text) {
  if (text == "native") return Target::Native;
  if (text == "wasm") return Target::Wasm;
  return std::nullopt;
}

std::string to_string(Optimize optimize) {
  switch (optimize) {
    case Optimize::Size:
      return "size";
    case Optimize::Debug:
      return "debug";
    case Optimize::Speed:
      return "speed";
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
  read_static_table(reader, root, config);
  bool failed = reader.failed();
  reader.flush();
  if (failed) return std::nullopt;
  return config;
}

std::optional<ProjectConfig> load_project_config(const std::filesystem::path& project_dir, Diagnostics& diagnostics) {
  std::string default_name = std::filesystem::absolute(project_dir).lexically_normal().filename().string();
  if (default_name.empty())
    default_name = std::filesystem::absolute(project_dir).lexically_normal().parent_path().filename().string();
  std::filesystem::path file = project_dir / "sls.toml";
  std::error_code ec;
  std::filesystem::file_status status = std::filesystem::status(file, ec);
  if (status.type() == std::filesystem::file_type::not_found) {
    ProjectConfig config;
    config.name = default_name;
    return config;
  }
  if (status.type() != std::filesystem::file_type::regular) {  // a FIFO would hang the read, a folder is a mistake
    diagnostics.error({"sls.toml", 0, 0}, "sls.toml is not a regular file; nothing was built",
                      "hint: sls.toml must be a text file (or absent, for the defaults)");
    return std::nullopt;
  }
  auto text = read_file(file);
  if (!text) {
    diagnostics.error({"sls.toml", 0, 0}, text.error().message);
    return std::nullopt;
  }
  return parse_project_config(*text, "sls.toml", default_name, diagnostics);
}

}  // namespace sls

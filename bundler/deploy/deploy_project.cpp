#include "bundler/deploy/deploy_project.hpp"

#include <nlohmann/json.hpp>

#include <set>

#include "bundler/deploy/deploy_names.hpp"
#include "bundler/inspect/zip_reader.hpp"
#include "core/file_system.hpp"

namespace sls {
namespace {
using nlohmann::json;

DeployFunction function_of(const json& entry) {
  DeployFunction function;
  function.name = entry.at("name").get<std::string>();
  function.route = entry.at("route").get<std::string>();
  function.target = entry.value("target", "native");
  function.runtime = entry.value("runtime", "");
  function.arch = entry.value("arch", "");
  function.regions = entry.value("regions", std::vector<std::string>{});
  function.memory_mb = entry.value("memory", std::int64_t{0});
  function.max_duration_s = entry.value("max_duration", std::int64_t{0});
  function.stale = entry.value("stale", false);
  function.cache_control = entry.value("cache_control", "");
  if (entry.contains("bundle") && entry["bundle"].is_string()) function.bundle = entry["bundle"].get<std::string>();
  return function;
}

Expected<json> parse_manifest(const std::filesystem::path& output_dir) {
  auto text = read_file(output_dir / "manifest.json");
  if (!text) return make_error(text.error().message + " (run `sls build` first)");
  json manifest = json::parse(*text, nullptr, false);
  if (!manifest.is_object()) return make_error((output_dir / "manifest.json").string() + " is not a JSON object");
  return manifest;
}

Status add_functions(const json& manifest, DeployProject& project) {
  for (const json& entry : manifest.value("functions", json::array())) {
    DeployFunction function = function_of(entry);
    if (function.bundle.empty())
      return make_error("function " + function.name + " has no bundle (it failed to build); fix it and run `sls build`");
    if (function.stale)
      project.warnings.push_back("function " + function.name +
                                 " is exported from its last good bundle (its latest build failed)");
    Status settings = read_bundle_settings(project.output_dir / function.bundle, function);
    if (!settings) return settings;
    project.functions.push_back(std::move(function));
  }
  return Ok{};
}

}  // namespace

void assign_ids(DeployProject& project) {
  std::set<std::string> taken;
  for (DeployFunction& function : project.functions) {
    std::string id = logical_id_for(function.name);
    function.id = id;
    for (int n = 2; !taken.insert(function.id).second; ++n) function.id = id + std::to_string(n);
  }
}

Status read_bundle_settings(const std::filesystem::path& zip_path, DeployFunction& function) {
  auto files = read_zip(zip_path);
  if (!files) return make_error(zip_path.string() + ": " + files.error().message);
  for (const ZipFile& file : *files) {
    if (file.path != "sls.json") continue;
    json settings = json::parse(file.data, nullptr, false);
    if (!settings.is_object()) return make_error(zip_path.string() + ": sls.json is not a JSON object");
    function.handler = settings.value("handler", "");
    function.env = settings.value("env", std::map<std::string, std::string>{});
    return Ok{};
  }
  return make_error(zip_path.string() + " has no sls.json; rebuild it with `sls build`");
}

Expected<DeployProject> read_deploy_project(const std::filesystem::path& output_dir) {
  auto manifest = parse_manifest(output_dir);
  if (!manifest) return manifest.error();
  DeployProject project;
  project.output_dir = output_dir;
  try {
    project.name = manifest->value("project", "");
    for (const json& file : manifest->value("static", json::array()))
      project.static_files.push_back({file.at("path").get<std::string>(), file.value("cache_control", "")});
    Status functions = add_functions(*manifest, project);
    if (!functions) return functions.error();
    assign_ids(project);
  } catch (const json::exception& error) {
    return make_error((output_dir / "manifest.json").string() + " is malformed: " + error.what());
  }
  return project;
}

}  // namespace sls

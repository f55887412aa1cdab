// Vercel's Build Output API v3: .vercel/output/config.json (routes),
// static/ (public/ as built) and a functions/<name>.func/ per native function,
// the bundle unpacked with a .vc-config.json (docs/deploy.md).

#include <nlohmann/json.hpp>

#include "bundler/deploy/aws_functions.hpp"
#include "bundler/deploy/deploy_names.hpp"

namespace sls {
namespace {
using nlohmann::ordered_json;

const std::string k_root = ".vercel/output/";

std::string pretty(const ordered_json& json) {
  return json.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

ordered_json vc_config(const DeployFunction& function, std::vector<std::string>& warnings) {
  ordered_json config;
  config["runtime"] = function.runtime;
  config["handler"] = function.handler;
  config["architecture"] = function.arch;
  config["memory"] = function.memory_mb;
  config["maxDuration"] = function.max_duration_s;
  ordered_json env = ordered_json::object();
  for (const auto& [name, value] : function.env) env[name] = value;
  config["environment"] = env;
  ordered_json regions = ordered_json::array();
  for (const std::string& region : function.regions) {
    if (is_vercel_region(region)) regions.push_back(region);
    else warnings.push_back(function.name + ": region '" + region + "' is not a Vercel region; the vercel export leaves it out");
  }
  if (!regions.empty()) config["regions"] = regions;
  return config;
}

// The Cache-Control of static files and functions ([static] rules, the
// defaults, cache_control) as header routes that continue to the next ones.
void add_cache_headers(const DeployProject& project, const std::vector<const DeployFunction*>& functions,
                       ordered_json& routes) {
  auto add = [&routes](const std::string& source, const std::string& value) {
    routes.push_back({{"src", source}, {"headers", {{"Cache-Control", value}}}, {"continue", true}});
  };
  for (const DeployStaticFile& file : project.static_files)
    if (!file.cache_control.empty()) add(vercel_route_source("/" + file.path), file.cache_control);
  for (const DeployFunction* function : functions)
    if (!function->cache_control.empty()) add(vercel_route_source(function->route), function->cache_control);
}

// Static routes are found on the file system (static/, then functions/);
// a route with parameters is rewritten to its function with the parameters
// in the query string.
ordered_json routes_for(const DeployProject& project, const std::vector<const DeployFunction*>& functions) {
  ordered_json routes = ordered_json::array();
  add_cache_headers(project, functions, routes);
  routes.push_back({{"handle", "filesystem"}});
  for (const DeployFunction* function : functions) {
    if (function->route.find("/:") == std::string::npos) continue;
    routes.push_back({{"src", vercel_route_source(function->route)},
                      {"dest", "/" + function->name + vercel_route_query(function->route)}});
  }
  return routes;
}

std::vector<const DeployFunction*> native_functions(const DeployProject& project, std::vector<std::string>& warnings) {
  std::vector<const DeployFunction*> natives;
  for (const DeployFunction& function : project.functions) {
    if (function.target == "native") natives.push_back(&function);
    else warnings.push_back(function.name + " is a " + function.target + " function (" + function.runtime +
                            "): Vercel cannot run it, so the vercel export leaves it out; deploy it with "
                            ".sls/output/spin.toml");
  }
  return natives;
}

}  // namespace

Expected<ExportResult> export_vercel(const DeployProject& project) {
  ExportResult result;
  std::vector<const DeployFunction*> functions = native_functions(project, result.warnings);
  ordered_json config = {{"version", 3}, {"routes", routes_for(project, functions)}};
  result.files.push_back({ExportFile::Kind::Data, k_root + "config.json", pretty(config), ""});
  for (const DeployStaticFile& file : project.static_files)
    result.files.push_back({ExportFile::Kind::Copy, k_root + "static/" + file.path, "", "static/" + file.path});
  for (const DeployFunction* function : functions) {
    std::string folder = k_root + "functions/" + function->name + ".func";
    result.files.push_back({ExportFile::Kind::Unpack, folder, "", function->bundle});
    result.files.push_back(
        {ExportFile::Kind::Data, folder + "/.vc-config.json", pretty(vc_config(*function, result.warnings)), ""});
  }
  sort_files(result);
  return result;
}

}  // namespace sls

#include "dev/site.hpp"

#include <nlohmann/json.hpp>

#include "core/file_system.hpp"

namespace sls::dev {
namespace {
using nlohmann::json;

std::vector<Route> routes_of(const json& manifest) {
  std::vector<Route> routes;
  for (const json& entry : manifest.value("routes", json::array())) {
    Route route;
    route.pattern = entry.value("route", "");
    if (entry.contains("function")) {
      route.kind = Route::Kind::Function;
      route.target = entry["function"].get<std::string>();
    } else {
      std::string file = entry.value("static", "");
      route.target = file.starts_with("static/") ? file.substr(7) : file;
    }
    routes.push_back(std::move(route));
  }
  return routes;
}

SiteFunction function_of(const json& entry, const std::filesystem::path& output_dir) {
  SiteFunction function;
  function.name = entry.value("name", "");
  function.target = entry.value("target", "native");
  function.built = entry.value("status", "") == "built";
  function.stale = entry.value("stale", false);
  function.cache_control = entry.value("cache_control", "");
  if (entry.contains("bundle") && entry["bundle"].is_string()) {
    function.bundle = output_dir / entry["bundle"].get<std::string>();
    function.bundle_sha256 = entry.value("bundle_sha256", "");
  }
  return function;
}

}  // namespace

Expected<SiteManifest> read_site_manifest(const std::filesystem::path& output_dir) {
  auto text = read_file(output_dir / "manifest.json");
  if (!text) return text.error();
  json manifest = json::parse(*text, nullptr, false);
  if (!manifest.is_object()) return make_error("manifest.json is not a JSON object");
  try {
    SiteManifest site;
    site.routes = routes_of(manifest);
    for (const json& file : manifest.value("static", json::array())) {
      StaticFile entry{file.value("path", ""), file.value("sha256", ""), file.value("content_type", ""),
                       file.value("size", std::uint64_t{0}), file.value("cache_control", "")};
      site.static_files[entry.path] = entry;
    }
    for (const json& entry : manifest.value("functions", json::array()))
      site.functions.push_back(function_of(entry, output_dir));
    return site;
  } catch (const json::exception& error) {
    return make_error(std::string("manifest.json is malformed: ") + error.what());
  }
}

}  // namespace sls::dev

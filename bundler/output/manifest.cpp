#include "bundler/output/manifest.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "bundler/package/bundle.hpp"
#include "bundler/project/routes.hpp"

namespace sls {
namespace {

nlohmann::json function_json(const ManifestFunction& function) {
  const PlannedFunction& planned = *function.planned;
  const FunctionBundle& bundle = function.bundle;
  nlohmann::json json = {
      {"name", planned.name()},
      {"route", planned.route()},
      {"target", to_string(planned.target)},
      {"runtime", planned.runtime()},
      {"arch", planned.target == Target::Native ? planned.arch : "wasm32"},
      {"regions", planned.regions},
      {"memory", planned.memory_mb},
      {"max_duration", planned.max_duration_s},
      {"concurrency", planned.concurrency},
      {"status", bundle.status == FunctionStatus::Built ? "built" : "failed"},
      {"bundle", bundle.path ? nlohmann::json(*bundle.path) : nlohmann::json(nullptr)},
      {"lint", {{"warnings", function.lint.warnings}, {"errors", function.lint.errors}}},
  };
  if (bundle.path) {
    json["bundle_sha256"] = bundle.sha256;
    json["bundle_size"] = bundle.size;
  }
  if (bundle.stale) json["stale"] = true;
  if (planned.cache_control) json["cache_control"] = *planned.cache_control;
  return json;
}

// Routers try static segments before parameters, so list them first.
nlohmann::json route_table(const Manifest& manifest) {
  std::vector<std::pair<std::string, nlohmann::json>> routes;
  for (const ManifestStaticFile& file : manifest.static_files)
    routes.push_back({"/" + file.path, {{"route", "/" + file.path}, {"static", "static/" + file.path}}});
  for (const ManifestFunction& function : manifest.functions)
    routes.push_back(
        {function.planned->route(), {{"route", function.planned->route()}, {"function", function.planned->name()}}});
  std::stable_sort(routes.begin(), routes.end(), [](const auto& a, const auto& b) {
    bool a_dynamic = is_dynamic_route(a.first), b_dynamic = is_dynamic_route(b.first);
    return a_dynamic != b_dynamic ? !a_dynamic : a.first < b.first;
  });
  nlohmann::json table = nlohmann::json::array();
  for (auto& [route, entry] : routes) table.push_back(std::move(entry));
  return table;
}

}  // namespace

std::string content_type_for(const std::string& path) {
  static const std::map<std::string, std::string> k_types = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".wasm", "application/wasm"},
      {".woff2", "font/woff2"},
      {".xml", "application/xml"},
      {".pdf", "application/pdf"},
  };
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto found = k_types.find(ext);
  return found != k_types.end() ? found->second : "application/octet-stream";
}

std::string render_manifest(const Manifest& manifest) {
  nlohmann::json functions = nlohmann::json::array();
  for (const ManifestFunction& function : manifest.functions) functions.push_back(function_json(function));
  nlohmann::json static_files = nlohmann::json::array();
  for (const ManifestStaticFile& file : manifest.static_files) {
    nlohmann::json entry = {{"path", file.path},
                            {"size", file.size},
                            {"sha256", file.sha256},
                            {"content_type", content_type_for(file.path)}};
    if (file.cache_control) entry["cache_control"] = *file.cache_control;
    static_files.push_back(std::move(entry));
  }
  nlohmann::json json = {
      {"schema_version", k_manifest_schema_version},
      {"project", manifest.project},
      {"regions", manifest.regions},
      {"functions", functions},
      {"static", static_files},
      {"routes", route_table(manifest)},
  };
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace sls

#include "bundler/inspect/inspect.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "bundler/package/bundle.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace {

Expected<nlohmann::json> parse_metadata(const std::vector<ZipFile>& files) {
  for (const ZipFile& file : files) {
    if (file.path != k_bundle_metadata_file) continue;
    nlohmann::json json = nlohmann::json::parse(file.data, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object()) return make_error("sls.json is not valid JSON");
    if (json.value("schema_version", 0) != k_bundle_schema_version || !json.contains("files"))
      return make_error("sls.json has an unknown schema_version");
    return json;
  }
  return make_error("not an sls bundle: it has no sls.json");
}

void check_files(const nlohmann::json& listed, InspectedBundle& bundle) {
  std::map<std::string, const InspectedFile*> present;
  for (const InspectedFile& file : bundle.files) present[file.path] = &file;
  for (const auto& item : listed) {
    std::string path = item.value("path", "");
    auto found = present.find(path);
    if (found == present.end()) {
      bundle.problems.push_back("'" + path + "' is listed in sls.json but missing from the zip");
      continue;
    }
    if (item.value("size", std::uint64_t{0}) != found->second->size)
      bundle.problems.push_back("'" + path + "' has the wrong size");
    if (item.value("sha256", "") != found->second->sha256)
      bundle.problems.push_back("'" + path + "' does not match its sha256 in sls.json");
    present.erase(found);
  }
  present.erase(k_bundle_metadata_file);
  for (const auto& [path, file] : present)
    bundle.problems.push_back("'" + path + "' is in the zip but not in sls.json");
}

// Tree-shaking: each listed file's reason, so inspect can say why it is there from the zip alone.
void attach_reasons(const nlohmann::json& listed, InspectedBundle& bundle) {
  for (const auto& item : listed) {
    for (InspectedFile& file : bundle.files) {
      if (file.path == item.value("path", "")) file.reason = item.value("reason", "");
    }
  }
}

}  // namespace

Expected<InspectedBundle> inspect_bundle(const std::filesystem::path& zip_path) {
  auto files = read_zip(zip_path);
  if (!files) return files.error();
  auto metadata = parse_metadata(*files);
  if (!metadata) return metadata.error();
  try {
    const nlohmann::json& json = *metadata;
    InspectedBundle bundle;
    bundle.function = json.value("function", "");
    bundle.route = json.value("route", "");
    bundle.target = json.value("target", "");
    bundle.runtime = json.value("runtime", "");
    bundle.arch = json.value("arch", "");
    bundle.handler = json.value("handler", "");
    bundle.regions = json.value("regions", std::vector<std::string>{});
    bundle.memory_mb = json.value("memory", 0);
    bundle.max_duration_s = json.value("max_duration", 0);
    bundle.concurrency = json.value("concurrency", 1);
    // A named copy: iterating items() of the temporary value() returns would read freed memory.
    const nlohmann::json env = json.value("env", nlohmann::json::object());
    for (const auto& [name, value] : env.items())
      bundle.env.emplace_back(name, value.is_string() ? value.get<std::string>() : value.dump());
    for (const ZipFile& file : *files)
      bundle.files.push_back({file.path, file.mode, file.data.size(), sha256_hex(file.data)});
    check_files(json.at("files"), bundle);
    attach_reasons(json.at("files"), bundle);
    bundle.contents = std::move(*files);
    return bundle;
  } catch (const nlohmann::json::exception& error) {
    return make_error(std::string("sls.json is malformed: ") + error.what());
  }
}

}  // namespace sls

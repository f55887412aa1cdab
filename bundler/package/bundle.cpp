#include "bundler/package/bundle.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "bundler/package/zip_writer.hpp"
#include "core/file_system.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace fs = std::filesystem;

std::string runtime_for(Target target) { return target == Target::Native ? "provided.al2023" : "wasi-preview1"; }

std::string entry_file_for(Target target) { return target == Target::Native ? "bootstrap" : "function.wasm"; }

namespace {

nlohmann::json file_list(std::vector<const BundleFile*> files) {
  std::sort(files.begin(), files.end(), [](const BundleFile* a, const BundleFile* b) { return a->path < b->path; });
  nlohmann::json list = nlohmann::json::array();
  for (const BundleFile* file : files) {
    nlohmann::json entry = {{"path", file->path},
                            {"mode", file->executable ? "0755" : "0644"},
                            {"size", size_of(*file)},
                            {"sha256", file->source.empty() ? sha256_hex(file->data) : file->sha256}};
    if (!file->reason.empty()) entry["reason"] = file->reason;
    list.push_back(std::move(entry));
  }
  return list;
}

// The bytes of a file described by its digest; an error if it changed since.
Expected<std::string> load_described(const BundleFile& file) {
  auto bytes = read_file(file.source);
  if (bytes && (bytes->size() != file.size || sha256_hex(*bytes) != file.sha256))
    return make_error(file.source.string() + " changed while the bundle was being made; build again");
  return bytes;
}

nlohmann::json env_object(const std::vector<std::pair<std::string, std::string>>& env) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [name, value] : env) object[name] = value;
  return object;
}

}  // namespace

BundleFile file_on_disk(std::string path, const fs::path& source, const FileDigest& digest, bool executable,
                        std::string reason) {
  return {std::move(path), {}, executable, std::move(reason), source, digest.size, digest.hash};
}

std::uint64_t size_of(const BundleFile& file) { return file.source.empty() ? file.data.size() : file.size; }

std::string render_bundle_metadata(const PlannedFunction& function, const std::vector<BundleFile>& files) {
  std::vector<const BundleFile*> pointers;
  for (const BundleFile& file : files) pointers.push_back(&file);
  nlohmann::json json = {
      {"schema_version", k_bundle_schema_version},
      {"function", function.name()},
      {"route", function.route()},
      {"target", to_string(function.target)},
      {"runtime", function.runtime()},
      {"arch", function.target == Target::Native ? function.arch : "wasm32"},
      {"handler", entry_file_for(function.target)},
      {"regions", function.regions},
      {"memory", function.memory_mb},
      {"max_duration", function.max_duration_s},
      {"concurrency", function.concurrency},
      {"env", env_object(function.env)},
      {"files", file_list(pointers)},
  };
  if (function.target == Target::Wasm) json["interface"] = "wagi";
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Expected<std::string> make_bundle(const PlannedFunction& function, std::vector<BundleFile> files,
                                  std::time_t timestamp) {
  std::string manifest = render_bundle_metadata(function, files);
  return make_bundle_with(std::move(manifest), std::move(files), timestamp);
}

Expected<std::string> make_bundle_with(std::string manifest, std::vector<BundleFile> files, std::time_t timestamp) {
  std::vector<ZipEntry> entries;
  for (BundleFile& file : files) {
    if (!file.source.empty()) {
      auto bytes = load_described(file);
      if (!bytes) return bytes;
      file.data = std::move(*bytes);
    }
    entries.push_back({std::move(file.path), std::move(file.data), file.executable});
  }
  entries.push_back({k_bundle_metadata_file, std::move(manifest), false});
  return write_zip(std::move(entries), timestamp);
}

}  // namespace sls

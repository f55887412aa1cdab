#include "cache/step_cache.hpp"

#include <nlohmann/json.hpp>

#include "cache/depfile.hpp"
#include "core/file_system.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace {

constexpr std::size_t k_max_manifest_entries = 16;

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string manifest_key(const std::string& identity) { return combine_keys({"manifest", identity}); }

// The hash of every header in `deps`, resolved against the project root; nullopt if one is gone.
std::optional<std::vector<std::pair<std::string, std::string>>> hash_deps(const std::vector<std::string>& deps,
                                                                          const StepCacheContext& context) {
  std::vector<std::pair<std::string, std::string>> hashed;
  for (const std::string& dep : deps) {
    fs::path path = fs::path(dep).is_absolute() ? fs::path(dep) : context.project_root / dep;
    auto hash = context.hasher.hash(path);
    if (!hash) return std::nullopt;
    hashed.emplace_back(dep, *hash);
  }
  return hashed;
}

std::string result_key(const std::string& identity, const std::vector<std::pair<std::string, std::string>>& deps) {
  std::vector<std::string> parts = {"result", identity};
  for (const auto& [path, hash] : deps) {
    parts.push_back(path);
    parts.push_back(hash);
  }
  return combine_keys(parts);
}

nlohmann::json load_manifest(ContentStore& store, const std::string& identity) {
  auto text = store.get(manifest_key(identity));
  nlohmann::json manifest = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json::array();
  return manifest.is_array() ? manifest : nlohmann::json::array();
}

}  // namespace

std::string combine_keys(const std::vector<std::string>& parts) {
  Sha256Builder builder;
  for (const std::string& part : parts) builder.update_field(part);
  return builder.finish_hex();
}

std::vector<std::string> normalized_command(const std::vector<std::string>& command, const fs::path& project_root,
                                            const fs::path& output) {
  std::vector<std::string> normal;
  for (const std::string& arg : command) {
    std::string text = replace_all(arg, output.string(), "${OUTPUT}");
    normal.push_back(replace_all(text, project_root.string(), "${PROJECT}"));
  }
  return normal;
}

bool materialize(ContentStore& store, const std::string& key, const fs::path& path, fs::perms mode) {
  auto bytes = store.get(key);
  return bytes && write_file_atomically(path, *bytes, mode);
}

std::optional<std::string> CompileStepCache::identity(const std::vector<std::string>& command, const std::string& source,
                                                      const fs::path& object) {
  auto source_hash = m_context.hasher.hash(m_context.project_root / source);
  if (!source_hash) return std::nullopt;
  std::vector<std::string> parts = normalized_command(command, m_context.project_root, object);
  parts.push_back(m_context.compiler_identity);
  parts.push_back(*source_hash);
  return combine_keys(parts);
}

std::optional<std::string> CompileStepCache::lookup(const std::vector<std::string>& command, const std::string& source,
                                                    const fs::path& object) {
  auto id = identity(command, source, object);
  if (!id) return std::nullopt;
  for (const auto& entry : load_manifest(m_context.store, *id)) {
    if (!entry.is_object() || !entry["deps"].is_array() || !entry["result"].is_string()) continue;  // foreign or damaged
    std::vector<std::string> listed;
    for (const auto& dep : entry["deps"]) {
      if (dep.is_string()) listed.push_back(dep.get<std::string>());
    }
    auto deps = hash_deps(listed, m_context);
    if (!deps) continue;
    std::string key = result_key(*id, *deps);
    if (key == entry["result"].get<std::string>() && m_context.store.contains(key)) return key;
  }
  return std::nullopt;
}

std::optional<std::string> CompileStepCache::record(const std::vector<std::string>& command, const std::string& source,
                                                    const fs::path& object) {
  auto id = identity(command, source, object);
  auto depfile = read_file(object.string() + ".d");
  auto bytes = read_file(object);
  if (!id || !depfile || !bytes) return std::nullopt;
  std::vector<std::string> deps;
  for (const std::string& dep : parse_depfile(*depfile)) {
    if (dep != source) deps.push_back(dep);
  }
  auto hashed = hash_deps(deps, m_context);
  if (!hashed) return std::nullopt;
  std::string key = result_key(*id, *hashed);
  if (!m_context.store.put(key, *bytes)) return std::nullopt;
  nlohmann::json manifest = load_manifest(m_context.store, *id);
  nlohmann::json entry = nlohmann::json::object();
  entry["deps"] = deps;
  entry["result"] = key;
  manifest.insert(manifest.begin(), std::move(entry));
  if (manifest.size() > k_max_manifest_entries) manifest.erase(manifest.begin() + k_max_manifest_entries, manifest.end());
  m_context.store.put(manifest_key(*id), manifest.dump());
  return key;
}

}  // namespace sls

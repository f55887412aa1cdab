#include "cache/step_cache.hpp"

#include "cache/depfile.hpp"
#include "core/file_system.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t k_max_manifest_entries = 16;

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// "-2": the line format below (the first format was JSON, slow to parse for
// hundreds of headers per unit on every no-op build).
// manifest-3: results are recorded only after their inputs passed the check of
// bundler/compile/compile_inputs.hpp; older manifests never went through it.
std::string manifest_key(const std::string& identity) { return combine_keys({"manifest-3", identity}); }

// The hash of every header in `deps`, resolved against the project root; nullopt if one is gone.
std::optional<std::vector<std::pair<std::string, std::string>>> hash_deps(const std::vector<std::string>& deps,
                                                                          const StepCacheContext& context) {
  std::vector<std::pair<std::string, std::string>> hashed;
  hashed.reserve(deps.size());
  const std::string root = context.project_root.native() + "/";
  for (const std::string& dep : deps) {
    auto digest = context.hasher.digest(!dep.empty() && dep.front() == '/' ? dep : root + dep);
    if (!digest) return std::nullopt;
    hashed.emplace_back(dep, std::move(digest->hash));
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

// A manifest lists the header sets seen for one compile identity, newest
// first, each as "result KEY" and then one header path per line, closed by
// an empty line. Paths with a newline are never recorded.
struct ManifestEntry {
  std::string result;
  std::vector<std::string> deps;
};

std::vector<ManifestEntry> load_manifest(ContentStore& store, const std::string& identity) {
  std::vector<ManifestEntry> entries;
  auto text = store.get(manifest_key(identity));
  if (!text) return entries;
  std::string_view rest = *text;
  ManifestEntry entry;
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (line.empty()) {
      if (!entry.result.empty()) entries.push_back(std::move(entry));
      entry = {};
    } else if (entry.result.empty()) {
      if (line.substr(0, 7) != "result ") return {};  // damaged: recompile and record afresh
      entry.result = line.substr(7);
    } else {
      entry.deps.emplace_back(line);
    }
  }
  return entries;
}

std::string render_manifest(const std::vector<ManifestEntry>& entries) {
  std::string text;
  for (const ManifestEntry& entry : entries) {
    text += "result " + entry.result + "\n";
    for (const std::string& dep : entry.deps) text += dep + "\n";
    text += "\n";
  }
  return text;
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

std::optional<std::string> CompileStepCache::identity(const std::vector<std::string>& command,
                                                      const std::string& source, const fs::path& object) {
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
  for (const ManifestEntry& entry : load_manifest(m_context.store, *id)) {
    auto deps = hash_deps(entry.deps, m_context);
    if (!deps) continue;
    std::string key = result_key(*id, *deps);
    if (key == entry.result && m_context.store.contains(key)) return key;
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
    if (dep.find('\n') != std::string::npos) return std::nullopt;  // cannot be listed; compile again next time
    if (dep != source) deps.push_back(dep);
  }
  auto hashed = hash_deps(deps, m_context);
  if (!hashed) return std::nullopt;
  std::string key = result_key(*id, *hashed);
  if (!m_context.store.put(key, *bytes)) return std::nullopt;
  std::vector<ManifestEntry> manifest = load_manifest(m_context.store, *id);
  manifest.insert(manifest.begin(), {key, std::move(deps)});
  if (manifest.size() > k_max_manifest_entries) manifest.resize(k_max_manifest_entries);
  m_context.store.put(manifest_key(*id), render_manifest(manifest));
  return key;
}

}  // namespace sls

#include "bundler/package/package_state.hpp"

#include <nlohmann/json.hpp>

#include "bundler/package/zip_writer.hpp"
#include "cache/step_cache.hpp"
#include "core/file_system.hpp"

namespace sls {
namespace fs = std::filesystem;

PackageState::PackageState(fs::path file) : m_file(std::move(file)) {
  auto text = read_file(m_file);
  if (!text) return;
  nlohmann::json json = nlohmann::json::parse(*text, nullptr, false);
  if (!json.is_object()) return;
  for (const auto& [function, entry] : json.items()) {
    if (!entry.is_object()) continue;
    m_bundles[function] = {entry.value("key", ""), entry.value("sha256", ""), entry.value("size", std::uint64_t{0}),
                           entry.value("target", "")};
  }
}

std::optional<PackagedBundle> PackageState::find(const std::string& function) const {
  std::lock_guard lock(m_mutex);
  auto found = m_bundles.find(function);
  if (found == m_bundles.end()) return std::nullopt;
  return found->second;
}

void PackageState::record(const std::string& function, PackagedBundle bundle) {
  std::lock_guard lock(m_mutex);
  m_bundles[function] = std::move(bundle);
}

void PackageState::save() const {
  nlohmann::json json = nlohmann::json::object();
  {
    std::lock_guard lock(m_mutex);
    for (const auto& [function, bundle] : m_bundles)
      json[function] = {
          {"key", bundle.key}, {"sha256", bundle.sha256}, {"size", bundle.size}, {"target", bundle.target}};
  }
  write_file_atomically(m_file, json.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", fs::perms(0644));
}

std::string package_key(const std::string& metadata_text, std::int64_t timestamp) {
  return combine_keys({"package", k_zip_format, metadata_text, std::to_string(timestamp)});
}

}  // namespace sls

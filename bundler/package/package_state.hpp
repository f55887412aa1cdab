#pragma once
// Which bundle each function's current output zip was made from. A bundle is
// fully determined by its sls.json (which lists every file's sha256 and the
// function's metadata) and the zip timestamp, so when both match what made
// the zip already in .sls/output, packaging reuses that zip instead of
// compressing everything again.

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace sls {

struct PackagedBundle {
  std::string key;     // combine(sls.json text, timestamp)
  std::string sha256;  // of the zip
  std::uint64_t size = 0;
  std::string target;  // "native" or "wasm": a failed build keeps a bundle only for its own target
};

class PackageState {
public:
  explicit PackageState(std::filesystem::path file);  // loads it if present

  std::optional<PackagedBundle> find(const std::string& function) const;
  void record(const std::string& function, PackagedBundle bundle);
  void save() const;

private:
  std::filesystem::path m_file;
  mutable std::mutex m_mutex;
  std::map<std::string, PackagedBundle> m_bundles;
};

std::string package_key(const std::string& metadata_text, std::int64_t timestamp);

}  // namespace sls

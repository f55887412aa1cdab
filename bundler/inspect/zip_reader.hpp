#pragma once
// Reads a zip through libarchive, refusing entries that could escape the
// folder they are extracted to (absolute paths, "..", links).

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"

namespace sls {

struct ZipFile {
  std::string path;
  std::uint32_t mode = 0;  // permission bits
  std::string data;
};

Expected<std::vector<ZipFile>> read_zip(const std::filesystem::path& zip_path);

// The same for a zip already in memory; `label` names it in messages.
Expected<std::vector<ZipFile>> read_zip_bytes(std::string_view bytes, const std::string& label);

// Writes the files under `dir` with their modes.
Status extract_files(const std::vector<ZipFile>& files, const std::filesystem::path& dir);

}  // namespace sls

#pragma once
// Reading a bundle back: its files, its runtime reference, and whether every
// file matches the size and sha256 that sls.json records.

#include <filesystem>
#include <string>
#include <vector>

#include "bundler/inspect/zip_reader.hpp"
#include "core/expected.hpp"

namespace sls {

struct InspectedFile {
  std::string path;
  std::uint32_t mode = 0;
  std::uint64_t size = 0;
  std::string sha256;
  std::string reason;  // from sls.json: why the file is in the bundle (empty for sls.json itself)
};

struct InspectedBundle {
  std::string function, route, target, runtime, arch, handler;
  std::vector<std::string> regions;
  int memory_mb = 0;
  int max_duration_s = 0;
  int concurrency = 1;  // requests one instance serves at once
  std::vector<std::pair<std::string, std::string>> env;
  std::vector<InspectedFile> files;   // every entry, sls.json included
  std::vector<std::string> problems;  // hash or size mismatches, missing or unlisted files
  std::vector<ZipFile> contents;      // raw entries, for extraction
};

// An Error when the file is not an sls bundle at all (not a zip, unsafe
// entries, no valid sls.json); mismatches are listed in `problems`.
Expected<InspectedBundle> inspect_bundle(const std::filesystem::path& zip_path);

}  // namespace sls

#pragma once
// A bundle is a deterministic zip holding the function's
// executable (or module), its data, and sls.json: the runtime reference and
// the size and sha256 of every other file (docs/bundle-format.md).

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "bundler/project/plan.hpp"
#include "cache/file_hasher.hpp"
#include "core/expected.hpp"

namespace sls {

inline constexpr int k_bundle_schema_version = 1;
inline constexpr const char* k_bundle_metadata_file = "sls.json";

struct BundleFile {
  std::string path;  // inside the bundle
  std::string data;  // the bytes, unless `source` names the file they are read from
  bool executable = false;
  std::string reason = {};  // why it is in the bundle (sls.json "reason"; sls inspect --why)
  // A file on disk is described by its size and sha256 (remembered across
  // builds, see FileHasher) and only read when a zip is actually made, so
  // deciding that an earlier zip can be reused reads no executable.
  std::filesystem::path source = {};
  std::uint64_t size = 0;
  std::string sha256 = {};
};

// A bundle file whose bytes stay in `source` until the zip is written.
BundleFile file_on_disk(std::string path, const std::filesystem::path& source, const FileDigest& digest,
                        bool executable, std::string reason);

std::uint64_t size_of(const BundleFile& file);

// "provided.al2023" for native, "wasi-preview1" for wasm.
std::string runtime_for(Target target);
// The file the platform starts: "bootstrap" or "function.wasm".
std::string entry_file_for(Target target);

// sls.json for these files (sls.json itself is not listed).
std::string render_bundle_metadata(const PlannedFunction& function, const std::vector<BundleFile>& files);

// The zip bytes: the files plus `metadata_text` (from render_bundle_metadata) as sls.json.
Expected<std::string> make_bundle_with(std::string metadata_text, std::vector<BundleFile> files, std::time_t timestamp);

// The zip bytes: the files plus sls.json.
Expected<std::string> make_bundle(const PlannedFunction& function, std::vector<BundleFile> files,
                                  std::time_t timestamp);

}  // namespace sls

#pragma once
// manifest.json: the whole project for a deployer — every function with its
// route, runtime, regions and bundle hash, every static file, and the route
// table in matching order (static routes before dynamic ones).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/project_config.hpp"

namespace sls {

inline constexpr int k_manifest_schema_version = 1;

enum class FunctionStatus { Built, Failed };

struct ManifestFunction {
  std::string name;
  std::string route;
  Target target = Target::Native;
  std::string arch;
  std::vector<std::string> regions;
  int memory_mb = 0;
  int max_duration_s = 0;
  FunctionStatus status = FunctionStatus::Built;
  // The bundle in place: the new one, or for a failed function the previous
  // good one when there was one (then `stale` is true).
  std::optional<std::string> bundle_path;  // relative to the output folder
  std::string bundle_sha256;
  std::uint64_t bundle_size = 0;
  bool stale = false;
  std::size_t lint_warnings = 0;
  std::size_t lint_errors = 0;
};

struct ManifestStaticFile {
  std::string path;  // relative to public/ and to static/
  std::uint64_t size = 0;
  std::string sha256;
};

struct Manifest {
  std::string project;
  std::vector<std::string> regions;
  std::vector<ManifestFunction> functions;     // sorted by name
  std::vector<ManifestStaticFile> static_files;  // sorted by path
};

std::string render_manifest(const Manifest& manifest);

// A content type for a static file, from its extension.
std::string content_type_for(const std::string& path);

}  // namespace sls

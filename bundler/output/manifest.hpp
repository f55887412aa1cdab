#pragma once
// manifest.json: the whole project for a deployer — every function with its
// route, runtime, regions and bundle hash, every static file, and the route
// table in matching order (static routes before dynamic ones).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bundler/lint/lint_stage.hpp"
#include "bundler/package/package_stage.hpp"
#include "bundler/project/plan.hpp"

namespace sls {

inline constexpr int k_manifest_schema_version = 1;

// One function as the manifest lists it: what was planned, the bundle in
// place, and its lint counts.
struct ManifestFunction {
  const PlannedFunction* planned = nullptr;
  FunctionBundle bundle;
  FunctionLintCounts lint;
};

struct ManifestStaticFile {
  std::string path;  // relative to public/ and to static/
  std::uint64_t size = 0;
  std::string sha256;
  std::optional<std::string> cache_control;  // cache_policy.hpp
};

struct Manifest {
  std::string project;
  std::vector<std::string> regions;
  std::vector<ManifestFunction> functions;       // sorted by name
  std::vector<ManifestStaticFile> static_files;  // sorted by path
};

std::string render_manifest(const Manifest& manifest);

// A content type for a static file, from its extension.
std::string content_type_for(const std::string& path);

}  // namespace sls

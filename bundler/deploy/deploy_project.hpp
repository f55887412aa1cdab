#pragma once
// What the deploy formats are made from: `.sls/output/manifest.json` and the
// sls.json inside each bundle it names, nothing else (docs/deploy.md). Every
// exporter is a pure function of this data, so its output can be compared
// with golden files and is deterministic by construction.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/expected.hpp"

namespace sls {

struct DeployFunction {
  std::string name;     // "api/users/[id]"
  std::string route;    // "/api/users/:id"
  std::string target;   // "native" or "wasm"
  std::string runtime;  // "provided.al2023", "provided.al2", "wasi-preview1"
  std::string arch;     // "x86_64", "arm64", "wasm32"
  std::string handler;  // "bootstrap" or "function.wasm"
  std::vector<std::string> regions;
  std::int64_t memory_mb = 0;
  std::int64_t max_duration_s = 0;
  std::map<std::string, std::string> env;
  std::string bundle;  // relative to the output folder: "functions/api/hello.zip"
  std::string id;      // unique in the project: "ApiHello" (logical IDs, exported zip names)
  bool stale = false;
  std::string cache_control;  // for the function's responses; empty: none
};

struct DeployStaticFile {
  std::string path;           // relative to static/
  std::string cache_control;  // empty: none
};

struct DeployProject {
  std::string name;
  std::filesystem::path output_dir;         // where bundle paths are relative to
  std::vector<DeployFunction> functions;    // sorted by name, as in the manifest
  std::vector<DeployStaticFile> static_files;  // sorted by path
  std::vector<std::string> warnings;        // stale bundles
};

// Reads the manifest and each bundle's sls.json. A function without a bundle
// (it never built) is an error: a deploy format must not drop it silently.
Expected<DeployProject> read_deploy_project(const std::filesystem::path& output_dir);

// Gives every function a unique `id` (logical_id_for, then "2", "3"… for clashes
// such as api/users/[id] and api/users/id), in name order.
void assign_ids(DeployProject& project);

// Reads the sls.json fields a deploy format needs into `function` (env).
Status read_bundle_settings(const std::filesystem::path& zip_path, DeployFunction& function);

}  // namespace sls

#pragma once
// What `sls dev` serves, read from the output of the last build: the route table, the static
// files with their hashes and content types, and every function with the bundle in place (a
// failed function keeps its previous good one, marked stale, or has none).

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/expected.hpp"
#include "dev/router.hpp"
#include "dev/static_site.hpp"

namespace sls::dev {

struct SiteFunction {
  std::string name;
  std::string target;  // "native" or "wasm"
  bool built = false;  // this build made it; false: it failed (and `stale` if a bundle remains)
  bool stale = false;
  std::optional<std::filesystem::path> bundle;  // absolute
  std::string bundle_sha256;
  std::string cache_control;  // [functions."x"] cache_control; empty: none
};

struct SiteManifest {
  std::vector<Route> routes;                       // in matching order
  std::map<std::string, StaticFile> static_files;  // by path under public/
  std::vector<SiteFunction> functions;             // sorted by name
};

// Reads OUTPUT_DIR/manifest.json (docs/bundle-format.md).
Expected<SiteManifest> read_site_manifest(const std::filesystem::path& output_dir);

}  // namespace sls::dev

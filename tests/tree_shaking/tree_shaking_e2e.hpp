#pragma once
// Shared helpers of the tree-shaking end-to-end tests: a project copied to a
// temporary folder and built once, and what its bundles hold.

#include <string>
#include <vector>

#include "bundler/inspect/inspect.hpp"
#include "tests/e2e/e2e_support.hpp"

namespace sls::e2e {

struct BuiltProject {
  fs::path project;
  SlsRun build;
  fs::path bundle(const std::string& function) const {
    return project / ".sls" / "output" / "functions" / (function + ".zip");
  }
};

// Copies `source` (a folder) to a temporary folder, optionally rewrites
// sls.toml, and runs `sls build` on it.
BuiltProject build_copy(const fs::path& source, const std::string& sls_toml = {});

// The paths of a bundle's files, sls.json included, sorted.
std::vector<std::string> bundle_paths(const fs::path& zip);

// The bytes of one file of a bundle ("" when absent).
std::string bundle_file(const fs::path& zip, const std::string& path);

// A fresh folder holding the bundle's files.
fs::path extract(const fs::path& zip);

}  // namespace sls::e2e

#pragma once
// Stage 1: scan a project folder (docs/design.md §2) into a ProjectLayout.

#include <filesystem>
#include <optional>

#include "bundler/project/project_layout.hpp"
#include "core/diagnostics.hpp"

namespace sls {

// Problems (conflicting functions, invalid route segments, files that must
// never be shipped) go to `diagnostics`; the functions that are fine are
// still returned so the others can be built.
ProjectLayout scan_project(const std::filesystem::path& root, Diagnostics& diagnostics);

// Files that must never be shipped without an explicit include: VCS data,
// environment files, private keys (docs/design.md §5).
bool is_sensitive_path(const std::string& relative_path);

}  // namespace sls

#pragma once
// Build settings made ready for command lines: pkg-config run for the
// packages a function names (its --cflags go to cflags and cxxflags, its
// --libs to ldflags), and lib_dirs made absolute (project-relative ones
// resolved against the project folder).

#include <filesystem>

#include "config/project_config.hpp"
#include "core/diagnostics.hpp"

namespace sls {

// False, with the problem at the pkg_config key, when a package is unknown
// to pkg-config or the target is wasm (pkg-config describes host libraries).
// For arm64, pkg-config reads only the arm64 multiarch .pc files.
bool resolve_build_flags(BuildFlags& flags, const std::filesystem::path& project_root, const Platform& platform,
                         Diagnostics& diagnostics);

}  // namespace sls

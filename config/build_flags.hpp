#pragma once
// The build-settings keys of [build] and [functions."…"] (include_dirs,
// defines, cflags, cxxflags, ldflags, lib_dirs, pkg_config), read and checked.
// Flags that would change what sls controls (the output file, the target, the
// dependency file, a different language or a preprocess-only run) are refused
// at their line: sls runs its own command lines and must know what they make.

#include <string>
#include <vector>

#include "config/config_reader.hpp"
#include "config/project_config.hpp"

namespace sls {

inline const std::vector<std::string> k_build_flag_keys = {"include_dirs", "defines",  "cflags",    "cxxflags",
                                                           "ldflags",      "lib_dirs", "pkg_config"};

BuildFlags read_build_flags(ConfigReader& reader, const toml::table& table);

}  // namespace sls

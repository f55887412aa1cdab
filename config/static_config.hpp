#pragma once
// [static] of sls.toml: Cache-Control rules for public/ files, and the check
// of a Cache-Control value shared with [functions."x"] cache_control
// (docs/configuration.md).

#include <optional>
#include <string>

#include <toml++/toml.h>

#include "config/config_reader.hpp"
#include "config/project_config.hpp"

namespace sls {

void read_static_table(ConfigReader& reader, const toml::table& root, ProjectConfig& config);

// A `cache_control` string key of `table`: non-empty, printable ASCII, no line breaks.
std::optional<std::string> read_cache_control(ConfigReader& reader, const toml::table& table);

}  // namespace sls

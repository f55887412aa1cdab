#pragma once
// "Why is this file in my bundle?" — rendered from a bundle's own sls.json,
// so `sls build --explain` and `sls inspect --why` say the same thing and
// need nothing but the zip.

#include <filesystem>
#include <optional>
#include <string>

#include "bundler/inspect/inspect.hpp"

namespace sls {

// Every file with its size and reason, then the largest contributors.
std::string explain_bundle(const InspectedBundle& bundle);

// The reason of one file, or nullopt when the bundle has no such file.
std::optional<std::string> explain_file(const InspectedBundle& bundle, const std::string& path);

// explain_bundle for every bundle under OUTPUT/functions, in path order.
std::string explain_output(const std::filesystem::path& output_dir);

// "largest: bootstrap (1.2 MB), data/big.bin (300 KB)".
std::string largest_files_line(const InspectedBundle& bundle);

}  // namespace sls

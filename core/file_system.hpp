#pragma once
// Small file helpers with expected-style returns. Writes that users can see
// go through write_file_atomically: a kill at any moment leaves the old file
// or the new one, never a torn one.

#include <filesystem>
#include <string>
#include <vector>

#include "core/expected.hpp"

namespace sls {

Expected<std::string> read_file(const std::filesystem::path& path);

// Writes to a temporary file beside `path`, fsyncs it, then renames it over.
Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes, std::filesystem::perms mode);

// Regular files below `root` (symlinks to files included), as paths relative
// to `root` using '/', sorted byte-wise so every later stage is deterministic.
std::vector<std::string> list_files_sorted(const std::filesystem::path& root);

// A fresh, empty directory under the system temp folder; removed by the owner.
Expected<std::filesystem::path> make_temp_directory(std::string_view prefix);

// The path of `path` relative to `base` with '/' separators.
std::string relative_generic(const std::filesystem::path& path, const std::filesystem::path& base);

}  // namespace sls

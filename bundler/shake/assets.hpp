#pragma once
// Data files of a function (docs/design.md §6): the literal paths the analyzers
// traced in its source, resolved against the project folder, plus its
// `include` globs. Each file keeps its project-relative path in the bundle,
// so the function finds it where it found it during development, and each
// carries the reason it was chosen. Nothing outside the project gets in.

#include <filesystem>
#include <string>
#include <vector>

#include "config/project_config.hpp"
#include "core/diagnostics.hpp"

namespace sls {

// A literal path read by a function's source, e.g. sls::asset("data/a.txt").
struct AssetReference {
  std::string path;  // the literal, as written
  std::string via;   // "sls::asset", "fopen", "std::ifstream"…
  SourceLocation where;
};

struct SelectedFile {
  std::string path;    // project-relative, '/'-separated; the same path in the bundle
  std::string reason;  // why it is shipped, for sls.json and --explain
};

struct DataFileRequest {
  std::vector<AssetReference> traced;
  std::vector<IncludeGlob> include_globs;  // each with its line in sls.toml
};

// Sorted by path, each file once (reasons joined). Refusals, unmatched globs
// and missing traced files are reported to `diagnostics`; a bad glob is an
// error, the rest are warnings.
std::vector<SelectedFile> select_data_files(const std::filesystem::path& root, const DataFileRequest& request,
                                            Diagnostics& diagnostics);

// Why `relative` (a project file) must never be shipped, or "" when it may be:
// a symlink leaving the project, the output folder.
std::string refusal_reason(const std::filesystem::path& root, const std::string& relative);

}  // namespace sls

#pragma once
// The deploy formats existing tools read (docs/deploy.md): each exporter turns
// a DeployProject into a list of files to write, without touching the disk,
// so golden tests compare exactly what a user gets. Files are written in
// sorted order; bundle zips are copied or unpacked by write_export.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bundler/deploy/deploy_project.hpp"
#include "core/expected.hpp"

namespace sls {

enum class ExportFormat { Serverless, Sam, Vercel };

std::optional<ExportFormat> parse_export_format(const std::string& name);
std::string to_string(ExportFormat format);

// One file of an export: bytes made by the exporter, a copy of a file of the
// output folder, or (`unpack`) every file of a bundle zip under `path`/.
struct ExportFile {
  enum class Kind { Data, Copy, Unpack };
  Kind kind = Kind::Data;
  std::string path;    // relative to the export folder
  std::string data;    // Kind::Data
  std::string source;  // Copy, Unpack: relative to the output folder
};

struct ExportResult {
  std::vector<ExportFile> files;      // sorted by path
  std::vector<std::string> warnings;  // what a format cannot carry, said out loud
};

Expected<ExportResult> export_serverless(const DeployProject& project);
Expected<ExportResult> export_sam(const DeployProject& project);
Expected<ExportResult> export_vercel(const DeployProject& project);
Expected<ExportResult> export_project(const DeployProject& project, ExportFormat format);

// The file an export folder carries so that a later export may replace it
// (and nothing else is ever replaced).
inline constexpr const char* k_export_marker = ".sls-export";

// Replaces `out_dir` as a whole with the export (atomic, like .sls/output).
// Refuses a non-empty folder that is not an earlier export.
Status write_export(const ExportResult& result, const std::filesystem::path& output_dir,
                    const std::filesystem::path& out_dir);

}  // namespace sls

// Writing an export folder: replaced as a whole through StagedOutput, like
// .sls/output, and only when it is empty or an earlier export.

#include <system_error>

#include "bundler/deploy/deploy_export.hpp"
#include "bundler/inspect/zip_reader.hpp"
#include "core/file_system.hpp"
#include "core/staged_output.hpp"

namespace sls {
namespace {
namespace fs = std::filesystem;

constexpr fs::perms k_file_mode = fs::perms(0644);
constexpr fs::perms k_exec_mode = fs::perms(0755);

Status check_replaceable(const fs::path& out_dir) {
  std::error_code ec;
  if (!fs::exists(out_dir, ec) || fs::is_empty(out_dir, ec)) return Ok{};
  if (fs::is_directory(out_dir, ec) && fs::exists(out_dir / k_export_marker, ec)) return Ok{};
  return make_error("refusing to replace " + out_dir.string() +
                    ": it is not an earlier `sls export` folder (no " + k_export_marker + "); choose another --out");
}

Status write_unpacked(StagedOutput& staged, const ExportFile& file, const fs::path& output_dir) {
  auto entries = read_zip(output_dir / file.source);
  if (!entries) return make_error((output_dir / file.source).string() + ": " + entries.error().message);
  for (const ZipFile& entry : *entries) {
    fs::perms mode = (entry.mode & 0111) != 0 ? k_exec_mode : k_file_mode;
    Status written = staged.write_file(file.path + "/" + entry.path, entry.data, mode);
    if (!written) return written;
  }
  return Ok{};
}

Status write_one(StagedOutput& staged, const ExportFile& file, const fs::path& output_dir) {
  switch (file.kind) {
    case ExportFile::Kind::Data:
      return staged.write_file(file.path, file.data, k_file_mode);
    case ExportFile::Kind::Copy: {
      auto bytes = read_file(output_dir / file.source);
      if (!bytes) return bytes.error();
      return staged.write_file(file.path, *bytes, k_file_mode);
    }
    case ExportFile::Kind::Unpack:
      return write_unpacked(staged, file, output_dir);
  }
  return Ok{};
}

}  // namespace

Status write_export(const ExportResult& result, const fs::path& output_dir, const fs::path& out_dir) {
  Status replaceable = check_replaceable(out_dir);
  if (!replaceable) return replaceable;
  std::error_code ec;
  fs::create_directories(out_dir.parent_path().empty() ? "." : out_dir.parent_path(), ec);
  auto staged = StagedOutput::begin(out_dir);
  if (!staged) return staged.error();
  for (const ExportFile& file : result.files) {
    Status written = write_one(*staged, file, output_dir);
    if (!written) return written;
  }
  Status marker = staged->write_file(k_export_marker, "written by sls export; replaced as a whole by the next one\n",
                                     k_file_mode);
  if (!marker) return marker;
  return staged->commit();
}

}  // namespace sls

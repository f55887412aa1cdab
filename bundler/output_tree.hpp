#pragma once
// The output folder is replaced as a whole: a build writes a complete new
// tree beside it (".sls/output.staging-PID") and swaps the two with one
// renameat2(RENAME_EXCHANGE). A build killed at any moment leaves the old
// output or the new one in place, never a mix; leftovers of dead builds are
// removed by the next one.

#include <filesystem>
#include <string>

#include "core/expected.hpp"

namespace sls {

class StagedOutput {
public:
  // Creates an empty staging folder beside `output_dir`.
  static Expected<StagedOutput> begin(const std::filesystem::path& output_dir);

  StagedOutput(StagedOutput&& other) noexcept;
  StagedOutput& operator=(StagedOutput&&) = delete;
  ~StagedOutput();  // removes the staging folder unless committed

  const std::filesystem::path& staging_dir() const { return m_staging; }
  const std::filesystem::path& output_dir() const { return m_output; }

  // Writes a file into the staging tree (not yet visible).
  Status write_file(const std::string& relative_path, std::string_view bytes, std::filesystem::perms mode);

  // Carries a file of the current output over unchanged (a hard link when
  // possible). Returns false when the current output has no such file.
  bool keep_previous(const std::string& relative_path);

  // Makes the staging tree the output; the previous output is deleted.
  Status commit();

private:
  StagedOutput(std::filesystem::path output, std::filesystem::path staging);
  std::filesystem::path m_output;
  std::filesystem::path m_staging;
  bool m_committed = false;
};

}  // namespace sls

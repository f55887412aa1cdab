#pragma once
// The output folder is replaced as a whole: a build writes a complete new
// tree beside it (".sls/output.staging-PID") and swaps the two with one
// renameat2(RENAME_EXCHANGE). A build killed at any moment leaves the old
// output or the new one in place, never a mix; leftovers of dead builds are
// removed by the next one.
//
// The staging tree is only made once the new output differs from the current
// one: until then, files carried over or rewritten with the same bytes are
// just noted, and a build that changes nothing (a no-op) leaves the output
// exactly as it was, down to the inodes, without writing anything.

#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "core/expected.hpp"

namespace sls {

class StagedOutput {
public:
  // Starts a new output for `output_dir` (nothing is created yet).
  static Expected<StagedOutput> begin(const std::filesystem::path& output_dir);

  StagedOutput(StagedOutput&& other) noexcept;
  StagedOutput& operator=(StagedOutput&&) = delete;
  ~StagedOutput();  // removes the staging folder unless committed

  const std::filesystem::path& output_dir() const { return m_output; }

  // Puts a file in the new output (not yet visible); the same bytes and mode
  // as the current output's file count as carrying that file over.
  Status write_file(const std::string& relative_path, std::string_view bytes, std::filesystem::perms mode);

  // Carries a file of the current output over unchanged (a hard link once
  // staging). Returns false when the current output has no such file.
  bool keep_previous(const std::string& relative_path);

  // Where a file of the new output can be read before the commit.
  std::filesystem::path path_of(const std::string& relative_path) const;

  // Makes the new tree the output (the previous one is deleted); does
  // nothing when the new output is the current one.
  Status commit();

private:
  StagedOutput(std::filesystem::path output, std::filesystem::path staging);
  Status stage_locked();  // creates the staging tree with the files kept so far
  std::filesystem::path m_output;
  std::filesystem::path m_staging;
  std::unique_ptr<std::mutex> m_mutex = std::make_unique<std::mutex>();
  std::set<std::string> m_kept;  // carried over while nothing is staged
  bool m_staged = false;
  bool m_committed = false;
};

}  // namespace sls

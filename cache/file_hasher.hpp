#pragma once
// Content hashes of source and header files, remembered across builds by
// (size, mtime, ctime, inode) so a no-op build reads no file it has already
// hashed. ctime is in it because it cannot be set back: an edit that keeps
// the size and restores the mtime (touch -r, an archive extracted with its
// times) still changes the ctime and is re-hashed (docs/reliability.md).
// Only content decides whether a step reruns: a touched but unchanged file
// is re-hashed once and hashes the same. A file modified within the clock
// granularity of its last hash (a "racily clean" file, as git calls it) is
// not remembered, so an edit right after a build is never missed. Within one
// build each file is stat'ed once (files sls itself writes are hashed only
// after they are written).

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cache/build_log.hpp"

namespace sls {

struct FileDigest {
  std::string hash;  // sha256, hex
  std::uint64_t size = 0;
};

class FileHasher {
public:
  // Loads remembered hashes from `state_file` if it exists.
  explicit FileHasher(std::filesystem::path state_file);

  // sha256 of the file's bytes; nullopt when it cannot be read.
  std::optional<std::string> hash(const std::filesystem::path& path);
  // sha256 and size of the file's bytes; nullopt when it cannot be read.
  std::optional<FileDigest> digest(const std::filesystem::path& path) { return digest(path.native()); }
  // The same for a path as a string: a no-op build asks this for every
  // header of every unit, so it avoids building a std::filesystem::path.
  // Forgets what is known of `path`, for a file sls has just rewritten.
  void forget(const std::filesystem::path& path);
  std::optional<FileDigest> digest(const std::string& path);

  // Writes the remembered hashes back (atomically), if any changed.
  void save() const;

  std::size_t files_read() const { return m_files_read; }
  // Files stat'ed so far, for the build's --json report.
  std::size_t files_stated() const;

  // Every file asked about in this build, with the stat data its hash was
  // taken (or confirmed) at: the inputs a build log records.
  std::vector<StampedFile> checked_files() const;

private:
  struct Entry {
    std::string hash;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    bool checked = false;  // stat'ed during this build: trusted until the build ends
  };
  std::filesystem::path m_state_file;
  mutable std::mutex m_mutex;
  std::unordered_map<std::string, Entry> m_entries;
  std::size_t m_files_read = 0;
  std::size_t m_files_stated = 0;
  bool m_changed = false;  // a hash was added or replaced since loading
};

}  // namespace sls

#include "cache/file_hasher.hpp"

#include <algorithm>
#include <chrono>
#include <sstream>
#include <vector>

#include "core/file_system.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

FileHasher::FileHasher(fs::path state_file) : m_state_file(std::move(state_file)) {
  auto text = read_file(m_state_file);
  if (!text) return;
  std::istringstream lines(*text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    Entry entry;
    std::string path;
    if (fields >> entry.hash >> entry.size >> entry.mtime_ns >> entry.ctime_ns >> entry.inode &&
        std::getline(fields >> std::ws, path))
      m_entries[path] = entry;
  }
}

std::optional<std::string> FileHasher::hash(const fs::path& path) {
  auto found = digest(path);
  if (!found) return std::nullopt;
  return found->hash;
}

std::optional<FileDigest> FileHasher::digest(const std::string& path) {
  const std::string& key = path;
  {
    // Checked once per build: a header included by every function is stat'ed once, not once per function.
    std::lock_guard lock(m_mutex);
    auto found = m_entries.find(key);
    if (found != m_entries.end() && found->second.checked) return FileDigest{found->second.hash, found->second.size};
  }
  std::optional<StatStamp> stamp = stat_stamp(path);
  {
    std::lock_guard lock(m_mutex);
    ++m_files_stated;
  }
  if (!stamp) return std::nullopt;
  Entry current{{}, stamp->size, stamp->mtime_ns, stamp->ctime_ns, stamp->inode, true};
  {
    std::lock_guard lock(m_mutex);
    auto found = m_entries.find(key);
    if (found != m_entries.end() && found->second.size == current.size && found->second.mtime_ns == current.mtime_ns &&
        found->second.ctime_ns == current.ctime_ns && found->second.inode == current.inode) {
      found->second.checked = true;
      return FileDigest{found->second.hash, found->second.size};
    }
  }
  auto bytes = read_file(path);
  if (!bytes) return std::nullopt;
  current.hash = sha256_hex(*bytes);
  current.size = bytes->size();
  std::lock_guard lock(m_mutex);
  ++m_files_read;
  m_entries[key] = current;
  m_changed = true;
  return FileDigest{current.hash, current.size};
}

std::size_t FileHasher::files_stated() const {
  std::lock_guard lock(m_mutex);
  return m_files_stated;
}

std::vector<StampedFile> FileHasher::checked_files() const {
  std::vector<StampedFile> files;
  std::lock_guard lock(m_mutex);
  for (const auto& [path, entry] : m_entries)
    if (entry.checked) files.push_back({path, {entry.size, entry.mtime_ns, entry.ctime_ns, entry.inode}});
  return files;
}

void FileHasher::forget(const fs::path& path) {
  std::lock_guard lock(m_mutex);
  m_entries.erase(path.native());
}

void FileHasher::save() const {
  if (!m_changed) return;  // a build that hashed nothing new leaves the file as it is
  std::vector<std::string> lines;
  std::int64_t started = now_ns();
  {
    std::lock_guard lock(m_mutex);
    for (const auto& [path, entry] : m_entries) {
      if (is_racy({entry.size, entry.mtime_ns, entry.ctime_ns, entry.inode}, started)) continue;
      lines.push_back(entry.hash + " " + std::to_string(entry.size) + " " + std::to_string(entry.mtime_ns) + " " +
                      std::to_string(entry.ctime_ns) + " " + std::to_string(entry.inode) + " " + path + "\n");
    }
  }
  std::sort(lines.begin(), lines.end());  // a stable file, whatever the hash table's order
  std::string text;
  for (const std::string& line : lines) text += line;
  write_file_atomically(m_state_file, text, fs::perms(0644));
}

}  // namespace sls

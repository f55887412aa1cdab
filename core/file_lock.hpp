#pragma once
// An exclusive advisory lock (flock) on a file, held while the object lives.
// Two sls builds of one project serialise on .sls/lock instead of racing on
// the same build folder; the lock goes away with the process, so a killed
// build never leaves a stale one behind.

#include <filesystem>
#include <functional>

#include "core/expected.hpp"

namespace sls {

class FileLock {
public:
  // Takes the lock on `path` (created if missing). When another process holds
  // it, `on_wait` is called once and the call blocks until it is free.
  static Expected<FileLock> acquire(const std::filesystem::path& path, const std::function<void()>& on_wait);

  FileLock(FileLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
  FileLock& operator=(FileLock&&) = delete;
  FileLock(const FileLock&) = delete;
  ~FileLock();

private:
  explicit FileLock(int fd) : m_fd(fd) {}
  int m_fd = -1;
};

}  // namespace sls

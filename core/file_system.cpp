#include "core/file_system.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace sls {
namespace fs = std::filesystem;

Expected<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

namespace {

Status write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return make_error(std::strerror(errno));
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return Ok{};
}

}  // namespace

Status write_file_atomically(const fs::path& path, std::string_view bytes, fs::perms mode) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::string temp = (path.parent_path() / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return make_error("cannot create a file in " + path.parent_path().string() + ": " + std::strerror(errno));
  Status written = write_all(fd, bytes);
  bool synced = written && ::fchmod(fd, static_cast<mode_t>(mode)) == 0 && ::fsync(fd) == 0;
  int saved_errno = errno;
  ::close(fd);
  if (!synced || ::rename(temp.c_str(), path.c_str()) != 0) {
    saved_errno = synced ? errno : saved_errno;
    ::unlink(temp.c_str());
    return make_error("cannot write " + path.string() + ": " +
                      (written ? std::string(std::strerror(saved_errno)) : written.error().message));
  }
  return Ok{};
}

std::vector<std::string> list_files_sorted(const fs::path& root) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return files;
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(root, options, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec)) files.push_back(relative_generic(it->path(), root));
  }
  std::sort(files.begin(), files.end());
  return files;
}

Expected<fs::path> make_temp_directory(std::string_view prefix) {
  std::string pattern = (fs::temp_directory_path() / (std::string(prefix) + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr)
    return make_error("cannot create a temporary directory: " + std::string(std::strerror(errno)));
  return fs::path(pattern);
}

std::string relative_generic(const fs::path& path, const fs::path& base) {
  return path.lexically_relative(base).generic_string();
}

}  // namespace sls

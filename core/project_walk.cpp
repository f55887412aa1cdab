#include "core/project_walk.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sls {
namespace fs = std::filesystem;
namespace {

bool is_below(const fs::path& path, const fs::path& root) {
  auto [root_end, unused] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

// The length of the UTF-8 sequence starting at text[i], or 0 when it is invalid.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  unsigned char lead = byte(i);
  std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
  if (length == 0 || i + length > text.size() || (length == 2 && lead < 0xc2)) return 0;
  for (std::size_t k = 1; k < length; ++k)
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
  return length;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = utf8_sequence(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string escape_invalid_utf8(std::string_view text) {
  std::string escaped;
  for (std::size_t i = 0; i < text.size();) {
    if (std::size_t length = utf8_sequence(text, i)) {
      escaped.append(text.substr(i, length));
      i += length;
      continue;
    }
    static const char* const k_hex = "0123456789abcdef";
    unsigned char c = static_cast<unsigned char>(text[i++]);
    escaped += "\\x";
    escaped += k_hex[c >> 4];
    escaped += k_hex[c & 0xf];
  }
  return escaped;
}

ProjectWalker::ProjectWalker(const fs::path& root, Diagnostics& diagnostics) : m_root(root), m_diagnostics(diagnostics) {
  std::error_code ec;
  m_real_root = fs::weakly_canonical(root, ec);
}

// What an entry may be used as; nullopt (with the reason reported) when it may not.
std::optional<EntryKind> ProjectWalker::classify(const std::string& path) {
  fs::path full = m_root / path;
  struct stat link_info {};
  if (::lstat(full.c_str(), &link_info) != 0) return std::nullopt;  // vanished meanwhile
  SourceLocation where{path, 0, 0};
  if (S_ISLNK(link_info.st_mode)) {
    std::error_code ec;
    fs::path target = fs::canonical(full, ec);
    if (ec) {
      m_diagnostics.warning(where, "skipped: a symlink whose target does not exist");
      return std::nullopt;
    }
    if (!is_below(target, m_real_root)) {
      m_diagnostics.error(where, "refused: a symlink to " + target.string() +
                                     ", outside the project; sls never builds or ships files from outside it",
                          "hint: copy the file into the project, or vendor the library under it");
      return std::nullopt;
    }
    if (is_below(target, m_real_root / ".sls")) {
      m_diagnostics.error(where, "refused: a symlink into .sls/, sls's own build and output folder");
      return std::nullopt;
    }
  }
  struct stat info {};
  if (::stat(full.c_str(), &info) != 0) return std::nullopt;
  if (S_ISDIR(info.st_mode)) return EntryKind::Folder;
  if (S_ISREG(info.st_mode)) return EntryKind::File;
  m_diagnostics.warning(where, "skipped: not a regular file (a FIFO, socket or device would hang or mislead the build)");
  return std::nullopt;
}

std::vector<FolderEntry> ProjectWalker::children(const std::string& relative_dir) {
  std::vector<FolderEntry> entries;
  fs::path dir = relative_dir.empty() ? m_root : m_root / relative_dir;
  DIR* handle = ::opendir(dir.c_str());
  if (handle == nullptr) {
    m_diagnostics.error({relative_dir.empty() ? "." : relative_dir, 0, 0},
                        "cannot read this folder (" + std::string(std::strerror(errno)) + "); what it holds would be left out");
    return entries;
  }
  std::vector<std::string> names;
  while (dirent* entry = ::readdir(handle)) {
    std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  ::closedir(handle);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::string path = relative_dir.empty() ? name : relative_dir + "/" + name;
    if (!is_valid_utf8(name)) {
      m_diagnostics.error({escape_invalid_utf8(path), 0, 0}, "refused: the name is not valid UTF-8",
                          "hint: rename it; manifests, zips and URLs need UTF-8 names");
      continue;
    }
    if (auto kind = classify(path)) entries.push_back({name, path, *kind});
  }
  return entries;
}

bool ProjectWalker::enter(const std::string& relative_dir) {
  std::error_code ec;
  fs::path real = fs::canonical(m_root / relative_dir, ec);
  if (ec) return false;
  if (!m_open.insert(real).second) {
    m_diagnostics.error({relative_dir, 0, 0}, "refused: a symlink loop (this folder is already being scanned as " +
                                                  real.lexically_relative(m_real_root).generic_string() + ")");
    return false;
  }
  return true;
}

void ProjectWalker::leave(const std::string& relative_dir) {
  std::error_code ec;
  m_open.erase(fs::canonical(m_root / relative_dir, ec));
}

std::vector<std::string> ProjectWalker::files_below(const std::string& relative_dir) {
  std::vector<std::string> files;
  if (!enter(relative_dir)) return files;
  for (const FolderEntry& entry : children(relative_dir)) {
    if (entry.path == ".sls") continue;  // sls's own state, never an input
    if (entry.kind == EntryKind::File) {
      files.push_back(entry.path);
      continue;
    }
    std::vector<std::string> below = files_below(entry.path);
    files.insert(files.end(), below.begin(), below.end());
  }
  leave(relative_dir);
  std::sort(files.begin(), files.end());  // "a.txt" sorts before "a/b" byte-wise, not after
  return files;
}

}  // namespace sls

#include "bundler/inspect/zip_reader.hpp"

#include <clocale>
#include <map>
#include <cstring>
#include <memory>
#include <mutex>

#include <archive.h>
#include <archive_entry.h>

#include "bundler/inspect/zip_directory.hpp"
#include "core/file_system.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_read_free)>;

bool escapes_folder(const std::string& path) {
  if (path.empty() || path.front() == '/') return true;
  fs::path normal = fs::path(path).lexically_normal();
  return normal.empty() || *normal.begin() == ".." || normal.is_absolute();
}

// libarchive's message for the last failure; it has none for some damage (found by fuzz_zip_reader).
std::string archive_problem(archive* reader) {
  const char* message = archive_error_string(reader);
  return message ? message : "the archive is damaged";
}

// Reads an entry, never more than the central directory declared for it.
Expected<std::string> read_entry_data(archive* reader, const std::string& path, std::uint64_t declared) {
  std::string data;
  char buffer[65536];
  for (;;) {
    la_ssize_t n = archive_read_data(reader, buffer, sizeof buffer);
    if (n == 0) return data;
    if (n < 0) return make_error("cannot read '" + path + "': " + archive_problem(reader));
    if (data.size() + static_cast<std::size_t>(n) > declared)
      return make_error("entry '" + path + "' inflates to more than the size the zip declares for it");
    data.append(buffer, static_cast<std::size_t>(n));
  }
}

// libarchive converts UTF-8 entry names to the locale's charset and gives
// up under the plain "C" locale, so make the character type UTF-8 once.
void ensure_utf8_ctype() {
  static std::once_flag once;
  std::call_once(once, [] {
    const char* current = std::setlocale(LC_CTYPE, nullptr);
    if (current && (std::strstr(current, "UTF-8") || std::strstr(current, "utf8"))) return;
    if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "");
  });
}

}  // namespace

Expected<std::vector<ZipFile>> read_zip(const fs::path& zip_path) {
  std::error_code ec;
  if (fs::file_size(zip_path, ec) > k_lambda_unzipped_limit)
    return make_error(zip_path.string() + " is larger than any bundle AWS Lambda accepts");
  auto bytes = read_file(zip_path);
  if (!bytes) return bytes.error();
  return read_zip_bytes(*bytes, zip_path.string());
}

Expected<std::vector<ZipFile>> read_zip_bytes(std::string_view bytes, const std::string& label) {
  ensure_utf8_ctype();
  // The structure first (central directory, duplicates, declared sizes), before anything is inflated.
  auto directory = read_zip_directory(bytes);
  if (!directory) return make_error(label + ": " + directory.error().message);
  std::map<std::string, std::uint64_t> declared;
  for (const ZipDirectoryEntry& entry : *directory) declared[entry.name] = entry.uncompressed_size;
  ArchivePtr reader(archive_read_new(), archive_read_free);
  archive_read_support_format_zip(reader.get());
  if (archive_read_open_memory(reader.get(), bytes.data(), bytes.size()) != ARCHIVE_OK)
    return make_error(label + " is not a readable zip: " + archive_problem(reader.get()));
  std::vector<ZipFile> files;
  archive_entry* entry = nullptr;
  for (;;) {
    int rc = archive_read_next_header(reader.get(), &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN)
      return make_error(label + " is not a valid zip: " + archive_problem(reader.get()));
    const char* name = archive_entry_pathname_utf8(entry);
    if (!name) name = archive_entry_pathname(entry);
    if (!name) return make_error(label + " has an entry whose name is not valid UTF-8");
    std::string path = name;
    if (escapes_folder(path)) return make_error("unsafe entry '" + path + "': absolute or '..' paths are not allowed");
    if (archive_entry_filetype(entry) == AE_IFDIR) continue;
    if (archive_entry_filetype(entry) != AE_IFREG) return make_error("entry '" + path + "' is not a regular file");
    auto found = declared.find(path);
    if (found == declared.end())
      return make_error(label + ": entry '" + path + "' is not in the central directory: the zip is damaged");
    auto data = read_entry_data(reader.get(), path, found->second);
    if (!data) return data.error();
    files.push_back({path, static_cast<std::uint32_t>(archive_entry_perm(entry)), std::move(*data)});
  }
  return files;
}

Status extract_files(const std::vector<ZipFile>& files, const fs::path& dir) {
  for (const ZipFile& file : files) {
    if (escapes_folder(file.path)) return make_error("unsafe entry '" + file.path + "'");
    Status written = write_file_atomically(dir / file.path, file.data, fs::perms(file.mode & 0777));
    if (!written) return written;
  }
  return Ok{};
}

}  // namespace sls

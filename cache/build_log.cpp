#include "cache/build_log.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <sstream>

#include "core/sha256.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

// Bump when the format or the meaning of any field changes: an older log is then ignored.
constexpr const char* k_header = "sls-build-log 1";
// The racy window: coarse file system clocks (FAT, some network mounts) tick every two seconds.
constexpr std::int64_t k_racy_window_ns = 2'000'000'000;

std::string stamp_fields(const StatStamp& s) {
  return std::to_string(s.size) + " " + std::to_string(s.mtime_ns) + " " + std::to_string(s.ctime_ns) + " " +
         std::to_string(s.inode);
}

std::string folder_names_hash(const fs::path& folder, bool is_root, const std::vector<std::string>& ignored,
                              std::vector<fs::path>& subfolders) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (is_root && (name == ".sls" || name == ".git" || std::find(ignored.begin(), ignored.end(), name) != ignored.end()))
      continue;
    fs::file_type type = it->symlink_status(ec).type();
    std::string entry = name + "\t" + std::to_string(static_cast<int>(type));
    if (type == fs::file_type::symlink) entry += "\t" + fs::read_symlink(it->path(), ec).string();
    if (type == fs::file_type::directory) subfolders.push_back(it->path());
    names.push_back(std::move(entry));
  }
  if (ec) return "unreadable";  // compared like any other hash: a folder that becomes readable differs
  std::sort(names.begin(), names.end());
  Sha256Builder hash;
  for (const std::string& entry : names) hash.update_field(entry);
  return hash.finish_hex();
}

bool parse_stamp(std::istringstream& fields, StatStamp& stamp) {
  return static_cast<bool>(fields >> stamp.size >> stamp.mtime_ns >> stamp.ctime_ns >> stamp.inode);
}

std::string rest_of(std::istringstream& fields) {
  std::string rest;
  std::getline(fields >> std::ws, rest);
  return rest;
}

// One "f"/"o" line (stat data, path) or "d" line (hash, path) into `log`.
bool parse_entry(const std::string& kind, std::istringstream& fields, BuildLog& log) {
  if (kind == "d") {
    FolderListing folder;
    if (!(fields >> folder.names_hash)) return false;
    folder.path = rest_of(fields);
    if (folder.path == ".") folder.path.clear();
    log.folders.push_back(std::move(folder));
    return true;
  }
  StampedFile file;
  if (!parse_stamp(fields, file.stamp)) return false;
  file.path = rest_of(fields);
  if (file.path.empty()) return false;
  (kind == "f" ? log.inputs : log.outputs).push_back(std::move(file));
  return true;
}

// The first file whose stat data differs from the log's, or "".
std::string first_changed(const std::vector<StampedFile>& files, std::size_t& stated) {
  for (const StampedFile& file : files) {
    ++stated;
    std::optional<StatStamp> now = stat_stamp(file.path);
    if (!now || !(*now == file.stamp)) return file.path;
  }
  return "";
}

}  // namespace

std::optional<StatStamp> stat_stamp(const std::string& path) {
  struct stat info{};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return StatStamp{static_cast<std::uint64_t>(info.st_size), info.st_mtim.tv_sec * 1000000000LL + info.st_mtim.tv_nsec,
                   info.st_ctim.tv_sec * 1000000000LL + info.st_ctim.tv_nsec, static_cast<std::uint64_t>(info.st_ino)};
}

bool is_racy(const StatStamp& stamp, std::int64_t started_ns) {
  return std::max(stamp.mtime_ns, stamp.ctime_ns) >= started_ns - k_racy_window_ns;
}

std::vector<FolderListing> list_project_folders(const fs::path& root, const std::vector<std::string>& ignored_root_files) {
  std::vector<FolderListing> folders;
  std::vector<fs::path> pending = {root};
  while (!pending.empty()) {
    fs::path folder = pending.back();
    pending.pop_back();
    std::vector<fs::path> subfolders;
    std::string hash = folder_names_hash(folder, folder == root, ignored_root_files, subfolders);
    folders.push_back({folder == root ? "" : folder.lexically_relative(root).generic_string(), hash});
    pending.insert(pending.end(), subfolders.begin(), subfolders.end());
  }
  std::sort(folders.begin(), folders.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return folders;
}

std::string render_build_log(const BuildLog& log) {
  std::string text = std::string(k_header) + "\ncontext " + log.context + "\n";
  for (const StampedFile& file : log.inputs) text += "f " + stamp_fields(file.stamp) + " " + file.path + "\n";
  for (const FolderListing& folder : log.folders)
    text += "d " + folder.names_hash + " " + (folder.path.empty() ? "." : folder.path) + "\n";
  for (const StampedFile& file : log.outputs) text += "o " + stamp_fields(file.stamp) + " " + file.path + "\n";
  text += "payload " + log.payload + "\n";
  return text + "end " + sha256_hex(text) + "\n";
}

std::optional<BuildLog> parse_build_log(const std::string& text) {
  // The last line seals the rest: a log cut short or altered is not one.
  std::size_t end = text.rfind("end ");
  if (end == std::string::npos || (end > 0 && text[end - 1] != '\n') || text.back() != '\n' ||
      text.compare(end + 4, text.size() - end - 5, sha256_hex(std::string_view(text).substr(0, end))) != 0)
    return std::nullopt;
  std::istringstream lines(text.substr(0, end));
  std::string line;
  if (!std::getline(lines, line) || line != k_header) return std::nullopt;
  BuildLog log;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string kind;
    fields >> kind;
    if (kind == "context") log.context = rest_of(fields);
    else if (kind == "payload") log.payload = rest_of(fields);
    else if (!parse_entry(kind, fields, log)) return std::nullopt;
  }
  return log;
}

BuildLogCheck check_build_log(const BuildLog& log, const std::string& context, const std::vector<FolderListing>& folders,
                              const fs::path& root) {
  BuildLogCheck check;
  check.files_stated = folders.size();
  if (log.context != context) {
    check.difference = "the flags, tools or options changed";
    return check;
  }
  if (log.folders != folders) {
    auto [was, now] = std::mismatch(log.folders.begin(), log.folders.end(), folders.begin(), folders.end());
    const FolderListing& differing = was != log.folders.end() ? *was : *now;
    check.difference = (root / differing.path).lexically_normal().string() + " has other entries";
    return check;
  }
  if (std::string changed = first_changed(log.inputs, check.files_stated); !changed.empty()) {
    check.difference = changed + " changed";
    return check;
  }
  if (std::string changed = first_changed(log.outputs, check.files_stated); !changed.empty()) {
    check.difference = "the output " + changed + " is not the one built";
    return check;
  }
  check.unchanged = true;
  return check;
}

}  // namespace sls

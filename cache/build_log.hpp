#pragma once
// The build log (.sls/build/build-log), like ninja's .ninja_log and
// .ninja_deps: what the last successful build depended on, as stat data, so
// that a no-op `sls build` is one read and a stat walk (docs/performance.md).
//
// It holds a context key (the flags of every unit, the tools, the options),
// every input file the build read with its (size, mtime, ctime, inode), every
// folder of the project with a hash of its entry names (a file added where a
// glob or a traced path would find it), every file of the output tree with its
// stat data, and an opaque payload (what the build reported). When all of it
// matches, nothing else is read; anything that differs means a full build.
//
// Stat data is never trusted when it is unclear: a file changed in the two
// seconds before the build started or while it ran ("racily clean", as git
// and ccache call it) could change again within one timestamp tick unseen, so
// a build with such an input writes no log and the next build checks content.
// A log of another version, a truncated or corrupt one (it ends with the
// sha256 of everything above it) is ignored; it is written atomically.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sls {

struct StatStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const StatStamp&) const = default;
};

// stat(2) of `path` (symlinks followed); nullopt when it does not exist.
std::optional<StatStamp> stat_stamp(const std::string& path);

// Changed in the racy window: within two seconds before `started_ns` or after it.
bool is_racy(const StatStamp& stamp, std::int64_t started_ns);

// One folder of the project: its path ("" is the root) and a hash of its
// entries (name, kind, a symlink's target).
struct FolderListing {
  std::string path;
  std::string names_hash;
  bool operator==(const FolderListing&) const = default;
};

// Every folder below `root`, in byte-wise order, never .sls/ or .git/ and
// never through a symlink. `ignored_root_files` (files sls itself writes at
// the root, compile_commands.json) are left out of the root's hash.
std::vector<FolderListing> list_project_folders(const std::filesystem::path& root,
                                                const std::vector<std::string>& ignored_root_files);

struct StampedFile {
  std::string path;  // absolute, or relative to the project root
  StatStamp stamp;
};

struct BuildLog {
  std::string context;                 // a key of everything that is not a file
  std::vector<StampedFile> inputs;     // each read by the build (deduplicated)
  std::vector<FolderListing> folders;  // the project's folders when the build started
  std::vector<StampedFile> outputs;    // the output tree as the build left it
  std::string payload;                 // one line: what the build reported
};

std::string render_build_log(const BuildLog& log);
// nullopt for another version, a truncated or a corrupt log.
std::optional<BuildLog> parse_build_log(const std::string& text);

// What a check found: nothing changed, or the first difference.
struct BuildLogCheck {
  bool unchanged = false;
  std::string difference;        // "api/x.cpp changed", for --json
  std::size_t files_stated = 0;  // files and folders looked at
};

// Compares the log with the project as it is now (`folders` listed by the caller,
// `context` computed by it). Paths relative to `root` are resolved against it.
BuildLogCheck check_build_log(const BuildLog& log, const std::string& context,
                              const std::vector<FolderListing>& folders, const std::filesystem::path& root);

}  // namespace sls

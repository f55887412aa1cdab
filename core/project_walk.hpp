#pragma once
// Walking a project's folders without ever leaving the project. Every entry
// is looked at with lstat before anything is read: a symlink is followed only
// when it resolves inside the project, outside its .sls/ folder, and not to a
// folder the walk is already inside (a loop); special files (FIFOs, sockets,
// devices) are skipped, since reading one could hang the build; a folder that
// cannot be read and a name that is not UTF-8 are errors naming them. Entries
// come in byte-wise order, so everything built from a walk is deterministic.

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace sls {

enum class EntryKind { File, Folder };

struct FolderEntry {
  std::string name;  // the entry's own name
  std::string path;  // relative to the project root, '/'-separated
  EntryKind kind;
};

// True when `text` is valid UTF-8 (file names end up in JSON and in zips).
bool is_valid_utf8(std::string_view text);

// `text` with every byte that is not part of valid UTF-8 shown as \xNN.
std::string escape_invalid_utf8(std::string_view text);

class ProjectWalker {
public:
  // `root` must be the project's folder; problems go to `diagnostics`.
  ProjectWalker(const std::filesystem::path& root, Diagnostics& diagnostics);

  // The entries of ROOT/relative_dir that may be used ("" is the root).
  std::vector<FolderEntry> children(const std::string& relative_dir);

  // Every file below ROOT/relative_dir, recursively, in byte-wise order.
  std::vector<std::string> files_below(const std::string& relative_dir);

  // Marks a folder as entered or left, for loop detection in callers that
  // recurse themselves (files_below does it on its own).
  bool enter(const std::string& relative_dir);
  void leave(const std::string& relative_dir);

private:
  std::optional<EntryKind> classify(const std::string& path);

  std::filesystem::path m_root;       // as given, for messages and access
  std::filesystem::path m_real_root;  // canonical
  Diagnostics& m_diagnostics;
  std::set<std::filesystem::path> m_open;  // canonical folders being walked
};

}  // namespace sls

// Two sources of data files, one set of rules. Traced literals are resolved
// like the running function would resolve them (relative to the task root,
// which is the bundle's root); `include` globs are matched against a walk of
// the project. Either way a file is refused when it escapes the project
// through a symlink or lies in the output folder, and a file that looks like
// a secret (scan.cpp's is_sensitive_path) ships only when a glob names it on
// purpose — and then with a warning.

#include "bundler/shake/assets.hpp"

#include <algorithm>
#include <map>

#include "bundler/project/scan.hpp"
#include "core/glob.hpp"
#include "core/project_walk.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

// The task root on Lambda: absolute literals below it are project files.
constexpr std::string_view k_task_root = "/var/task/";

bool is_below(const fs::path& path, const fs::path& root) {
  auto [root_end, unused] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

class Selection {
public:
  Selection(const fs::path& root, Diagnostics& diagnostics) : m_root(root), m_diagnostics(diagnostics) {}

  // Adds a file unless a rule refuses it; `explicit_secret` lets a secret through with a warning.
  // A secret skipped without one is returned in `skipped_secrets` when given, else reported here.
  bool add(const std::string& path, const std::string& reason, const SourceLocation& where, bool explicit_secret,
           std::vector<std::string>* skipped_secrets = nullptr) {
    if (std::string refused = refusal_reason(m_root, path); !refused.empty()) {
      m_diagnostics.warning(where, "'" + path + "' is not shipped: " + refused);
      return false;
    }
    if (is_sensitive_path(path)) {
      if (!explicit_secret) {
        if (skipped_secrets)
          skipped_secrets->push_back(path);
        else
          m_diagnostics.warning(where, "'" + path + "' is not shipped: it looks like a secret or VCS file",
                                "hint: name it in an include glob of its own if the function really needs it");
        return false;
      }
      m_diagnostics.warning(where,
                            "'" + path + "' looks like a secret and is shipped because an include glob names it");
    }
    std::string& reasons = m_files[path];
    if (reasons.find(reason) == std::string::npos) reasons += (reasons.empty() ? "" : "; ") + reason;
    return true;
  }

  std::vector<SelectedFile> take() {
    std::vector<SelectedFile> files;
    for (auto& [path, reason] : m_files) files.push_back({path, std::move(reason)});
    return files;
  }

private:
  fs::path m_root;
  Diagnostics& m_diagnostics;
  std::map<std::string, std::string> m_files;  // byte-wise order
};

// Every file of the project below `below` (never .sls/, never through a
// symlink that leaves the project, never a name that is not UTF-8).
std::vector<std::string> project_files(const fs::path& root, const fs::path& below, Diagnostics& diagnostics) {
  std::string folder = below.lexically_normal().generic_string();
  if (folder == "." || folder == "./") folder.clear();
  while (!folder.empty() && folder.back() == '/') folder.pop_back();
  ProjectWalker walker(root, diagnostics);
  return walker.files_below(folder);
}

// The project-relative path a literal names, or "" when it is not a project file.
std::string project_path_of(const std::string& literal) {
  std::string path = literal;
  if (path.rfind(k_task_root, 0) == 0)
    path = path.substr(k_task_root.size());
  else if (!path.empty() && path[0] == '/')
    return "";  // /tmp, /etc…: not ours to ship
  return fs::path(path).lexically_normal().generic_string();
}

void add_traced(const fs::path& root, const AssetReference& reference, Selection& selection, Diagnostics& diagnostics) {
  std::string path = project_path_of(reference.path);
  if (path.empty()) return;
  if (path == ".." || path.rfind("../", 0) == 0) {
    diagnostics.warning(reference.where, "'" + reference.path + "' is outside the project folder and is not shipped");
    return;
  }
  std::string reason =
      "traced: " + reference.via + " at " + reference.where.file + ":" + std::to_string(reference.where.line);
  std::error_code ec;
  if (fs::is_directory(root / path, ec)) {
    for (const std::string& file : project_files(root, path, diagnostics))
      selection.add(file, reason, reference.where, false);
  } else if (fs::is_regular_file(root / path, ec)) {
    selection.add(path, reason, reference.where, false);
  } else {
    diagnostics.warning(reference.where,
                        "'" + reference.path + "' is read here but is not in the project, so it is not shipped",
                        "hint: if the function creates it at run time, write it under /tmp instead");
  }
}

void add_glob(const fs::path& root, const std::string& glob, const SourceLocation& where, Selection& selection,
              Diagnostics& diagnostics) {
  if (Status valid = check_glob(glob); !valid) {
    diagnostics.error(where, valid.error().message);
    return;
  }
  bool explicit_secret = is_sensitive_path(glob);
  std::size_t matched = 0;
  std::vector<std::string> secrets;
  for (const std::string& file : project_files(root, "", diagnostics)) {
    if (glob_match(glob, file) && selection.add(file, "include \"" + glob + "\"", where, explicit_secret, &secrets))
      ++matched;
  }
  if (!secrets.empty()) {
    std::string names;
    for (std::size_t i = 0; i < secrets.size() && i < 3; ++i) names += (i ? ", " : "") + secrets[i];
    diagnostics.warning(where,
                        "include \"" + glob + "\" skipped " + std::to_string(secrets.size()) +
                            " file(s) that look like secrets or VCS data: " + names + (secrets.size() > 3 ? ", …" : ""),
                        "hint: name such a file in an include glob of its own if the function really needs it");
  }
  if (matched == 0) diagnostics.warning(where, "include \"" + glob + "\" matches no file that can be shipped");
}

}  // namespace

std::string refusal_reason(const fs::path& root, const std::string& relative) {
  if (relative == ".sls" || relative.rfind(".sls/", 0) == 0) return "it is in sls's own output folder (.sls/)";
  std::error_code ec;
  fs::path real = fs::weakly_canonical(root / relative, ec);
  fs::path real_root = fs::weakly_canonical(root, ec);
  if (ec || !is_below(real, real_root)) return "it is a symlink that points outside the project folder";
  // However it was named (data/../.sls/…, a symlink into .sls/): sls's own files never ship.
  if (is_below(real, real_root / ".sls")) return "it is in sls's own output folder (.sls/)";
  return "";
}

std::vector<SelectedFile> select_data_files(const fs::path& root, const DataFileRequest& request,
                                            Diagnostics& diagnostics) {
  Selection selection(root, diagnostics);
  for (const AssetReference& reference : request.traced) add_traced(root, reference, selection, diagnostics);
  for (const IncludeGlob& glob : request.include_globs) add_glob(root, glob.pattern, glob.where, selection, diagnostics);
  return selection.take();
}

}  // namespace sls

// The scanner walks api/, lib/ and public/ in byte-wise sorted order, so the
// layout (and everything built from it) does not depend on directory order.

#include "bundler/project/scan.hpp"

#include <algorithm>
#include <map>

#include "bundler/project/routes.hpp"
#include "core/file_system.hpp"
#include "core/project_walk.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t k_max_name_bytes = 200;

const char* const k_index_names[] = {"index.cpp", "index.cc", "index.cxx", "index.c"};

bool has_extension(const std::string& path, std::initializer_list<const char*> extensions) {
  std::string ext = fs::path(path).extension().string();
  return std::any_of(extensions.begin(), extensions.end(), [&](const char* e) { return ext == e; });
}

bool is_hidden_or_private(const std::string& name) { return !name.empty() && (name[0] == '.' || name[0] == '_'); }

std::string strip_extension(const std::string& path) {
  return (fs::path(path).parent_path() / fs::path(path).stem()).generic_string();
}

class ApiScanner {
public:
  ApiScanner(ProjectWalker& walker, Diagnostics& diagnostics) : m_walker(walker), m_diagnostics(diagnostics) {}

  void scan_directory(const std::string& relative_dir) {
    if (!m_walker.enter(relative_dir)) return;  // a symlink loop: refused, nothing below it is read
    for (const FolderEntry& entry : m_walker.children(relative_dir)) {
      if (is_hidden_or_private(entry.name)) continue;
      if (entry.kind == EntryKind::Folder) {
        scan_folder(entry.path);
      } else if (is_c_source(entry.path) || is_cxx_source(entry.path)) {
        add_function(strip_extension(entry.path), entry.path, {entry.path}, FunctionKind::Source);
      } else if (has_extension(entry.path, {".wasm"})) {
        add_function(strip_extension(entry.path), entry.path, {entry.path}, FunctionKind::PrebuiltWasm);
      }
    }
    m_walker.leave(relative_dir);
  }

  std::vector<FunctionSource> take_functions() {
    std::vector<FunctionSource> functions;
    for (auto& [name, function] : m_functions) functions.push_back(std::move(function));
    return functions;
  }

private:
  // A folder is one multi-file function, or holds more functions.
  void scan_folder(const std::string& dir) {
    if (!m_walker.enter(dir)) return;  // a loop: refused before anything in it is listed
    m_walker.leave(dir);
    if (!add_multi_file_function(dir)) scan_directory(dir);
  }

  // A folder with an index source is one function built from every source in it.
  bool add_multi_file_function(const std::string& dir) {
    std::vector<FolderEntry> children = m_walker.children(dir);
    std::vector<std::string> indexes;
    for (const char* index : k_index_names) {
      for (const FolderEntry& entry : children)
        if (entry.kind == EntryKind::File && entry.name == index) indexes.push_back(entry.path);
    }
    if (indexes.empty()) return false;
    if (indexes.size() > 1) {
      m_diagnostics.error({indexes[1], 0, 0},
                          "function '" + dir + "' has more than one index file (also " + indexes[0] + ")");
      return true;
    }
    std::vector<std::string> sources;
    for (const std::string& path : m_walker.files_below(dir)) {
      if (fs::path(path).filename().string()[0] != '.' && (is_c_source(path) || is_cxx_source(path)))
        sources.push_back(path);
    }
    add_function(dir, indexes[0], sources, FunctionKind::Source);
    return true;
  }

  void add_function(const std::string& name, const std::string& entry, std::vector<std::string> sources,
                    FunctionKind kind) {
    // sls names files after functions with suffixes of its own (".cpp.o.key.tmp-…"), and file
    // systems stop at 255 bytes a name: longer names would fail deep inside the build.
    for (const auto& part : fs::path(entry))
      if (part.native().size() > k_max_name_bytes) {
        m_diagnostics.error({entry, 0, 0}, "the name '" + part.string() + "' is longer than " +
                                               std::to_string(k_max_name_bytes) + " bytes, too long to build into a bundle",
                            "hint: shorten it; the route follows the file's name");
        return;
      }
    auto route = route_for_function(name);
    if (!route) {
      m_diagnostics.error({entry, 0, 0}, "invalid route for function '" + name + "': " + route.error().message);
      return;
    }
    auto [existing, inserted] = m_functions.try_emplace(name);
    if (!inserted) {
      m_diagnostics.error({entry, 0, 0}, "function '" + name + "' is defined twice (also by " + existing->second.entry +
                                             "); rename one of them");
      return;
    }
    existing->second = FunctionSource{name, *route, entry, std::move(sources), kind};
  }

  ProjectWalker& m_walker;
  Diagnostics& m_diagnostics;
  std::map<std::string, FunctionSource> m_functions;  // byte-wise order by name
};

std::vector<std::string> scan_static_files(ProjectWalker& walker, Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const std::string& path : walker.files_below("public")) {
    std::string file = path.substr(std::string("public/").size());
    if (is_sensitive_path(file)) {
      diagnostics.warning({path, 0, 0}, "not shipped: this looks like a secret or VCS file");
      continue;
    }
    files.push_back(file);
  }
  return files;
}

std::vector<std::string> scan_lib_sources(ProjectWalker& walker) {
  std::vector<std::string> sources;
  for (const std::string& path : walker.files_below("lib"))
    if (is_c_source(path) || is_cxx_source(path)) sources.push_back(path);
  return sources;
}

// True when ROOT/name is a folder to scan; a file or anything else in its place is an error.
bool is_scanned_folder(const fs::path& root, const std::string& name, Diagnostics& diagnostics) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(root / name, ec);
  if (ec || status.type() == fs::file_type::not_found) return false;
  if (fs::is_directory(root / name, ec)) return true;
  diagnostics.error({name, 0, 0}, "'" + name + "' must be a folder; it is not, so nothing in it could be built",
                    "hint: rename the file; sls reads api/, lib/ and public/ as folders");
  return false;
}

}  // namespace

bool is_c_source(const std::string& path) { return has_extension(path, {".c"}); }
bool is_cxx_source(const std::string& path) { return has_extension(path, {".cpp", ".cc", ".cxx"}); }

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The secrets list (docs/reliability.md): folders whose contents are private,
// file names of credential files, and extensions of keys and keystores.
const char* const k_secret_folders[] = {".git", ".ssh", ".gnupg", ".aws", ".docker", ".kube", ".azure", ".gcloud"};
const char* const k_secret_names[] = {".git", ".netrc", "_netrc", ".npmrc", ".pypirc", ".htpasswd", ".git-credentials",
                                      ".pgpass", ".my.cnf", "credentials", ".s3cfg", ".boto"};
const char* const k_secret_prefixes[] = {".env", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"};

}  // namespace

bool is_sensitive_path(const std::string& relative_path) {
  std::string path = lower(relative_path);
  fs::path as_path(path);
  for (const auto& part : as_path.parent_path())
    for (const char* folder : k_secret_folders)
      if (part == folder) return true;
  std::string name = as_path.filename().string();
  for (const char* secret : k_secret_names)
    if (name == secret) return true;
  for (const char* prefix : k_secret_prefixes)
    if (name.rfind(prefix, 0) == 0) return true;
  return has_extension(name, {".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".ppk", ".kdbx", ".asc", ".gpg"});
}

namespace {

// Two functions with the same route shape, or a static file at a function's
// route, would leave the platform to pick one: both files are named.
void report_route_conflicts(const ProjectLayout& layout, Diagnostics& diagnostics) {
  std::map<std::string, std::string> claimed;  // route shape -> the file claiming it
  for (const FunctionSource& function : layout.functions) {
    auto [known, inserted] = claimed.try_emplace(route_shape(function.route), function.entry);
    if (!inserted)
      diagnostics.error({function.entry, 0, 0}, "route " + function.route + " is also claimed by " + known->second,
                        "hint: rename one of them; requests could reach either");
  }
  for (const std::string& file : layout.static_files) {
    std::string route = "/" + file;
    std::string folder = route.size() > 11 && route.substr(route.size() - 11) == "/index.html"
                             ? route.substr(0, route.size() - 11) : "";
    for (const std::string& candidate : {route, folder}) {
      if (candidate.empty()) continue;
      if (auto known = claimed.find(route_shape(candidate)); known != claimed.end() && !is_dynamic_route(known->first))
        diagnostics.error({"public/" + file, 0, 0}, "route " + candidate + " is also claimed by " + known->second,
                          "hint: a static file and a function cannot share a route; move or rename one");
    }
  }
}

}  // namespace

ProjectLayout scan_project(const fs::path& root, Diagnostics& diagnostics) {
  ProjectLayout layout;
  layout.root = fs::absolute(root).lexically_normal();
  if (layout.root.filename().empty()) layout.root = layout.root.parent_path();
  ProjectWalker walker(layout.root, diagnostics);
  ApiScanner scanner(walker, diagnostics);
  if (is_scanned_folder(layout.root, "api", diagnostics)) scanner.scan_directory("api");
  layout.functions = scanner.take_functions();
  if (is_scanned_folder(layout.root, "public", diagnostics)) layout.static_files = scan_static_files(walker, diagnostics);
  if (is_scanned_folder(layout.root, "lib", diagnostics)) layout.lib_sources = scan_lib_sources(walker);
  report_route_conflicts(layout, diagnostics);
  return layout;
}

}  // namespace sls

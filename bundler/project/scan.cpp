// The scanner walks api/, lib/ and public/ in byte-wise sorted order, so the
// layout (and everything built from it) does not depend on directory order.

#include "bundler/project/scan.hpp"

#include <algorithm>
#include <map>

#include "bundler/project/routes.hpp"
#include "core/file_system.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

const char* const k_index_names[] = {"index.cpp", "index.cc", "index.cxx", "index.c"};

bool has_extension(const std::string& path, std::initializer_list<const char*> extensions) {
  std::string ext = fs::path(path).extension().string();
  return std::any_of(extensions.begin(), extensions.end(), [&](const char* e) { return ext == e; });
}

bool is_hidden_or_private(const std::string& name) { return !name.empty() && (name[0] == '.' || name[0] == '_'); }

std::string strip_extension(const std::string& path) {
  return (fs::path(path).parent_path() / fs::path(path).stem()).generic_string();
}

std::vector<std::string> sorted_children(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class ApiScanner {
public:
  ApiScanner(const fs::path& root, Diagnostics& diagnostics) : m_root(root), m_diagnostics(diagnostics) {}

  void scan_directory(const std::string& relative_dir) {
    for (const std::string& name : sorted_children(m_root / relative_dir)) {
      if (is_hidden_or_private(name)) continue;
      std::string path = relative_dir + "/" + name;
      std::error_code ec;
      if (fs::is_directory(m_root / path, ec)) {
        if (!add_multi_file_function(path)) scan_directory(path);
      } else if (is_c_source(path) || is_cxx_source(path)) {
        add_function(strip_extension(path), path, {path}, FunctionKind::Source);
      } else if (has_extension(path, {".wasm"})) {
        add_function(strip_extension(path), path, {path}, FunctionKind::PrebuiltWasm);
      }
    }
  }

  std::vector<FunctionSource> take_functions() {
    std::vector<FunctionSource> functions;
    for (auto& [name, function] : m_functions) functions.push_back(std::move(function));
    return functions;
  }

private:
  // A folder with an index source is one function built from every source in it.
  bool add_multi_file_function(const std::string& dir) {
    std::vector<std::string> indexes;
    for (const char* index : k_index_names) {
      std::error_code ec;
      if (fs::is_regular_file(m_root / dir / index, ec)) indexes.push_back(dir + "/" + index);
    }
    if (indexes.empty()) return false;
    if (indexes.size() > 1) {
      m_diagnostics.error({indexes[1], 0, 0},
                          "function '" + dir + "' has more than one index file (also " + indexes[0] + ")");
      return true;
    }
    std::vector<std::string> sources;
    for (const std::string& file : list_files_sorted(m_root / dir)) {
      std::string path = dir + "/" + file;
      if (fs::path(file).filename().string()[0] != '.' && (is_c_source(path) || is_cxx_source(path)))
        sources.push_back(path);
    }
    add_function(dir, indexes[0], sources, FunctionKind::Source);
    return true;
  }

  void add_function(const std::string& name, const std::string& entry, std::vector<std::string> sources,
                    FunctionKind kind) {
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

  fs::path m_root;
  Diagnostics& m_diagnostics;
  std::map<std::string, FunctionSource> m_functions;  // byte-wise order by name
};

std::vector<std::string> scan_static_files(const fs::path& root, Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const std::string& file : list_files_sorted(root / "public")) {
    if (is_sensitive_path(file)) {
      diagnostics.warning({"public/" + file, 0, 0}, "not shipped: this looks like a secret or VCS file");
      continue;
    }
    files.push_back(file);
  }
  return files;
}

std::vector<std::string> scan_lib_sources(const fs::path& root) {
  std::vector<std::string> sources;
  for (const std::string& file : list_files_sorted(root / "lib")) {
    std::string path = "lib/" + file;
    if (is_c_source(path) || is_cxx_source(path)) sources.push_back(path);
  }
  return sources;
}

}  // namespace

bool is_c_source(const std::string& path) { return has_extension(path, {".c"}); }
bool is_cxx_source(const std::string& path) { return has_extension(path, {".cpp", ".cc", ".cxx"}); }

bool is_sensitive_path(const std::string& relative_path) {
  std::string name = fs::path(relative_path).filename().string();
  bool in_vcs = relative_path.rfind(".git/", 0) == 0 || relative_path.find("/.git/") != std::string::npos;
  bool env_file = name.rfind(".env", 0) == 0;
  bool private_key = has_extension(name, {".pem", ".key"}) || name.rfind("id_rsa", 0) == 0 ||
                     name.rfind("id_ed25519", 0) == 0 || name.rfind("id_ecdsa", 0) == 0;
  return in_vcs || env_file || private_key;
}

ProjectLayout scan_project(const fs::path& root, Diagnostics& diagnostics) {
  ProjectLayout layout;
  layout.root = fs::absolute(root).lexically_normal();
  if (layout.root.filename().empty()) layout.root = layout.root.parent_path();
  ApiScanner scanner(layout.root, diagnostics);
  std::error_code ec;
  if (fs::is_directory(layout.root / "api", ec)) scanner.scan_directory("api");
  layout.functions = scanner.take_functions();
  layout.static_files = scan_static_files(layout.root, diagnostics);
  layout.lib_sources = scan_lib_sources(layout.root);
  return layout;
}

}  // namespace sls

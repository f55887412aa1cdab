#include "bundler/compile/compile_inputs.hpp"

#include <algorithm>
#include <sstream>

#include "cache/depfile.hpp"
#include "core/file_system.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

// Where a system's headers and compiler support files live on Debian.
const char* const k_system_dirs[] = {"/usr/include", "/usr/local/include", "/usr/lib/gcc", "/usr/lib/llvm-19",
                                     "/usr/lib/clang", "/usr/share/clang"};

bool is_below(const fs::path& path, const fs::path& root) {
  auto [root_end, unused] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

fs::path resolved(const fs::path& path, const fs::path& base) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(path.is_absolute() ? path : base / path, ec);
  return ec ? (base / path).lexically_normal() : real;
}

// The folders a unit may read from: the project, the SDK, the system's, and
// the ones its command line names.
std::vector<fs::path> allowed_dirs(const CompileInputRules& rules) {
  std::vector<fs::path> dirs = {resolved(rules.project_root, "/"), resolved(rules.share_dir, "/")};
  for (const char* dir : k_system_dirs) dirs.push_back(resolved(dir, "/"));
  const std::vector<std::string>& argv = rules.command;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    // arm64's sysroot and cross GCC (docs/targets.md) hold its system headers.
    for (const char* flag : {"--sysroot=", "--gcc-install-dir="}) {
      if (argv[i].rfind(flag, 0) == 0) dirs.push_back(resolved(argv[i].substr(std::string(flag).size()), "/"));
    }
    for (const char* flag : {"-I", "-isystem", "-idirafter", "-iquote"}) {
      std::string name = flag;
      if (argv[i] == name && i + 1 < argv.size()) dirs.push_back(resolved(argv[i + 1], rules.project_root));
      else if (argv[i].size() > name.size() && argv[i].rfind(name, 0) == 0 && name == "-I")
        dirs.push_back(resolved(argv[i].substr(name.size()), rules.project_root));
    }
  }
  return dirs;
}

// The first line of `source` that mentions the file's name in an #include or #embed, or 0.
std::uint32_t line_naming(const fs::path& source, const std::string& input) {
  auto text = read_file(source);
  if (!text) return 0;
  std::string name = fs::path(input).filename().string();
  std::istringstream lines(*text);
  std::string line;
  for (std::uint32_t number = 1; std::getline(lines, line); ++number) {
    bool directive = line.find("#include") != std::string::npos || line.find("#embed") != std::string::npos;
    if (directive && line.find(name) != std::string::npos) return number;
  }
  return 0;
}

}  // namespace

bool check_compile_inputs(const CompileInputRules& rules, const std::string& source, const std::string& depfile_text,
                          Diagnostics& diagnostics) {
  std::vector<fs::path> allowed = allowed_dirs(rules);
  bool ok = true;
  for (const std::string& input : parse_depfile(depfile_text)) {
    fs::path real = resolved(input, rules.project_root);
    bool inside = std::any_of(allowed.begin(), allowed.end(), [&](const fs::path& dir) { return is_below(real, dir); });
    if (inside) continue;
    ok = false;
    diagnostics.error({source, line_naming(rules.project_root / source, input), 0},
                      "this compile reads " + real.string() + ", which is outside the project",
                      "hint: sls never builds files from outside the project into a bundle; copy it into the project "
                      "(and list its folder in include_dirs), or name a system folder it lives in with -isystem\n");
  }
  return ok;
}

}  // namespace sls

#include "bundler/project/pkg_config.hpp"

#include <map>
#include <mutex>
#include <sstream>

#include "core/process.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> list;
  std::istringstream in(text);
  for (std::string word; in >> word;) list.push_back(word);
  return list;
}

struct PackageFlags {
  std::vector<std::string> cflags, libs;
  std::string problem;  // pkg-config's own message when it failed
};

// pkg-config for these packages, asked once per process for each list.
PackageFlags query_pkg_config(const std::vector<std::string>& packages) {
  static std::mutex mutex;
  static std::map<std::vector<std::string>, PackageFlags> known;
  std::lock_guard lock(mutex);
  if (auto found = known.find(packages); found != known.end()) return found->second;
  SystemProcessRunner runner;
  PackageFlags flags;
  for (const char* what : {"--cflags", "--libs"}) {
    std::vector<std::string> argv = {"pkg-config", what};
    argv.insert(argv.end(), packages.begin(), packages.end());
    auto result = runner.run({argv, std::nullopt, {}, {}});
    if (!result || result->exit_code != 0) {
      flags.problem = result ? result->stderr_data + result->stdout_data : result.error().message;
      break;
    }
    (std::string(what) == "--cflags" ? flags.cflags : flags.libs) = words(result->stdout_data);
  }
  return known[packages] = flags;
}

}  // namespace

bool resolve_build_flags(BuildFlags& flags, const fs::path& project_root, Target target, Diagnostics& diagnostics) {
  for (std::string& dir : flags.lib_dirs)
    if (fs::path(dir).is_relative()) dir = (project_root / dir).lexically_normal().string();
  if (flags.pkg_config.empty()) return true;
  if (target == Target::Wasm) {
    diagnostics.error(flags.pkg_config_location, "pkg_config names host libraries, which a wasm function cannot link",
                      "hint: build this function with target = \"native\", or vendor the library's sources under lib/");
    return false;
  }
  PackageFlags found = query_pkg_config(flags.pkg_config);
  if (!found.problem.empty()) {
    diagnostics.error(
        flags.pkg_config_location, "pkg-config does not know every package listed",
        found.problem + "hint: install the package's -dev files, or set PKG_CONFIG_PATH to the folder of its .pc file");
    return false;
  }
  flags.cflags.insert(flags.cflags.end(), found.cflags.begin(), found.cflags.end());
  flags.cxxflags.insert(flags.cxxflags.end(), found.cflags.begin(), found.cflags.end());
  flags.ldflags.insert(flags.ldflags.end(), found.libs.begin(), found.libs.end());
  return true;
}

}  // namespace sls

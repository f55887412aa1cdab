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

// arm64: only the .pc files of Debian's :arm64 packages (and the
// arch-independent ones), never the host's, which describe x86_64 libraries.
std::optional<std::map<std::string, std::string>> pkg_config_environment(const Platform& platform) {
  if (!platform.is_native_arm64()) return std::nullopt;
  std::map<std::string, std::string> env = current_environment();
  env["PKG_CONFIG_LIBDIR"] = "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig";
  return env;
}

// pkg-config for these packages, asked once per process for each list and platform.
PackageFlags query_pkg_config(const std::vector<std::string>& packages, const Platform& platform) {
  static std::mutex mutex;
  static std::map<std::pair<std::vector<std::string>, Platform>, PackageFlags> known;
  std::lock_guard lock(mutex);
  if (auto found = known.find({packages, platform}); found != known.end()) return found->second;
  SystemProcessRunner runner;
  PackageFlags flags;
  for (const char* what : {"--cflags", "--libs"}) {
    std::vector<std::string> argv = {"pkg-config", what};
    argv.insert(argv.end(), packages.begin(), packages.end());
    auto result = runner.run({argv, pkg_config_environment(platform), {}, {}});
    if (!result || result->exit_code != 0) {
      flags.problem = result ? result->stderr_data + result->stdout_data : result.error().message;
      break;
    }
    (std::string(what) == "--cflags" ? flags.cflags : flags.libs) = words(result->stdout_data);
  }
  return known[{packages, platform}] = flags;
}

}  // namespace

bool resolve_build_flags(BuildFlags& flags, const fs::path& project_root, const Platform& platform,
                         Diagnostics& diagnostics) {
  for (std::string& dir : flags.lib_dirs)
    if (fs::path(dir).is_relative()) dir = (project_root / dir).lexically_normal().string();
  if (flags.pkg_config.empty()) return true;
  if (platform.target == Target::Wasm) {
    diagnostics.error(flags.pkg_config_location, "pkg_config names host libraries, which a wasm function cannot link",
                      "hint: build this function with target = \"native\", or vendor the library's sources under lib/");
    return false;
  }
  PackageFlags found = query_pkg_config(flags.pkg_config, platform);
  if (!found.problem.empty()) {
    std::string hint = platform.is_native_arm64()
                           ? "hint: an arm64 function needs the packages' arm64 -dev files (on Debian: dpkg "
                             "--add-architecture arm64, then PACKAGE-dev:arm64), or set arch = \"x86_64\""
                           : "hint: install the package's -dev files, or set PKG_CONFIG_PATH to the folder of its .pc file";
    diagnostics.error(flags.pkg_config_location,
                      platform.is_native_arm64() ? "pkg-config knows no arm64 build of every package listed"
                                                 : "pkg-config does not know every package listed",
                      found.problem + hint);
    return false;
  }
  flags.cflags.insert(flags.cflags.end(), found.cflags.begin(), found.cflags.end());
  flags.cxxflags.insert(flags.cxxflags.end(), found.cflags.begin(), found.cflags.end());
  flags.ldflags.insert(flags.ldflags.end(), found.libs.begin(), found.libs.end());
  return true;
}

}  // namespace sls

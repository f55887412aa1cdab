#include "core/install_layout.hpp"

#include <cstdlib>
#include <system_error>

namespace sls {
namespace fs = std::filesystem;

namespace {

bool looks_like_share_dir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "sdk" / "include" / "sls" / "function.hpp", ec);
}

fs::path executable_dir() {
  std::error_code ec;
  return fs::read_symlink("/proc/self/exe", ec).parent_path();
}

}  // namespace

Expected<InstallLayout> find_install_layout() {
  if (const char* override_dir = std::getenv("SLS_SHARE_DIR"); override_dir && *override_dir) {
    if (looks_like_share_dir(override_dir)) return InstallLayout{fs::path(override_dir)};
    return make_error(std::string("SLS_SHARE_DIR=") + override_dir + " does not hold sdk/include/sls/function.hpp");
  }
  fs::path exe_dir = executable_dir();
  for (const fs::path& candidate : {exe_dir / "share" / "sls", exe_dir.parent_path() / "share" / "sls"}) {
    if (looks_like_share_dir(candidate)) return InstallLayout{candidate};
  }
  return make_error("cannot find the sls SDK next to " + exe_dir.string() +
                    " (expected share/sls/sdk/include); reinstall sls or set SLS_SHARE_DIR");
}

Expected<fs::path> find_lint_engine(std::string_view file_name) {
  if (const char* override_path = std::getenv("SLS_LINT_ENGINE"); override_path && *override_path)
    return fs::path(override_path);
  fs::path exe_dir = executable_dir();
  std::error_code ec;
  for (const fs::path& candidate :
       {exe_dir / "lib" / "sls" / file_name, exe_dir.parent_path() / "lib" / "sls" / file_name}) {
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return make_error("cannot find the lint engine " + std::string(file_name) + " next to " + exe_dir.string() +
                    " (expected lib/sls/ or ../lib/sls/); reinstall sls or set SLS_LINT_ENGINE");
}

}  // namespace sls

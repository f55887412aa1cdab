#include "core/cache_dir.hpp"

#include <cstdlib>

namespace sls {

namespace {

const char* non_empty_env(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

}  // namespace

std::filesystem::path user_cache_dir() {
  if (const char* dir = non_empty_env("SLS_CACHE_DIR")) return dir;
  if (const char* xdg = non_empty_env("XDG_CACHE_HOME")) return std::filesystem::path(xdg) / "sls";
  if (const char* home = non_empty_env("HOME")) return std::filesystem::path(home) / ".cache" / "sls";
  return std::filesystem::temp_directory_path() / "sls-cache";
}

}  // namespace sls

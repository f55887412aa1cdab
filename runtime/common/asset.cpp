// sls::asset: a project-relative path made absolute inside the running bundle.
#include <cstdlib>
#include <string>

#include <sls/asset.hpp>

#if !defined(__wasi__)
#include <unistd.h>
#endif

namespace sls {
namespace {

// The bundle's root folder, without a trailing slash ("" for "/").
std::string bundle_root() {
#if defined(__wasi__)
  // WAGI hosts (and sls invoke) preopen the bundle folder as "/".
  return "";
#else
  const char* task_root = std::getenv("LAMBDA_TASK_ROOT");
  if (task_root != nullptr && *task_root != '\0') return task_root;
  // Anywhere else the bootstrap sits at the bundle's root.
  char path[4096];
  ssize_t length = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (length <= 0) return ".";
  std::string exe(path, static_cast<std::size_t>(length));
  return exe.substr(0, exe.rfind('/'));
#endif
}

}  // namespace

std::string asset(std::string_view project_relative_path) {
  while (project_relative_path.substr(0, 2) == "./") project_relative_path.remove_prefix(2);
  while (!project_relative_path.empty() && project_relative_path.front() == '/') project_relative_path.remove_prefix(1);
  std::string root = bundle_root();
  if (!root.empty() && root.back() == '/') root.pop_back();
  return root + "/" + std::string(project_relative_path);
}

}  // namespace sls

#include "bundler/inspect/native_launcher.hpp"

#include <sys/utsname.h>

#include "bundler/project/toolchain.hpp"
#include "core/process.hpp"

namespace sls {

std::string host_arch() {
  struct utsname name{};
  if (::uname(&name) != 0) return "x86_64";
  std::string machine = name.machine;
  return machine == "aarch64" ? "arm64" : machine;
}

Expected<std::vector<std::string>> native_launch_command(const std::string& arch,
                                                         const std::filesystem::path& program) {
  std::string host = host_arch();
  if (arch.empty() || arch == host) return std::vector<std::string>{program.string()};
  if (arch != "arm64" || host != "x86_64")
    return make_error("the function is built for " + arch + " and this machine is " + host +
                      ": sls can run only arm64 functions on an x86_64 machine (under qemu-aarch64)");
  auto qemu = find_on_path("qemu-aarch64");
  if (!qemu)
    return make_error("the function is built for arm64 and this machine is x86_64: sls runs it under qemu-aarch64, "
                      "which is not installed (on Debian: apt-get install qemu-user), or set arch = \"x86_64\"");
  // The bootstrap's loader and libc come from the cross sysroot the build linked against.
  return std::vector<std::string>{qemu->string(), "-L", arm64_sysroot(), program.string()};
}

}  // namespace sls

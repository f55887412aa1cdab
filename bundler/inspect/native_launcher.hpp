#pragma once
// How a native bootstrap is started on this machine, for `sls invoke` and
// `sls dev`: directly when the host runs its architecture; an arm64
// bootstrap on an x86_64 host under qemu-aarch64 (Debian's qemu-user) with
// the arm64 sysroot as its library root (docs/targets.md).

#include <filesystem>
#include <string>
#include <vector>

#include "core/expected.hpp"

namespace sls {

// The architecture this machine runs natively: "x86_64", "arm64" or uname's name.
std::string host_arch();

// argv that runs `program`, built for `arch` ("x86_64" or "arm64"); an error
// naming the package to install when the emulator it needs is missing.
Expected<std::vector<std::string>> native_launch_command(const std::string& arch, const std::filesystem::path& program);

}  // namespace sls

#pragma once
// What the dynamic loader will ask of a native binary, read from the ELF file
// itself (with elfutils' libelf, not by running ldd, so it works for a
// target other than the host): the libraries it needs, where it looks for
// them, and the glibc symbol versions it cannot start without.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"

namespace sls {

// One entry of .gnu.version_r: `library` must define `version` (e.g.
// libc.so.6, GLIBC_2.34); `symbols` are the undefined symbols bound to it.
struct VersionNeed {
  std::string library;
  std::string version;
  std::vector<std::string> symbols;  // sorted
};

struct ElfInfo {
  std::uint16_t machine = 0;         // EM_X86_64, EM_AARCH64…
  std::string soname;                // DT_SONAME, empty for executables
  std::vector<std::string> needed;   // DT_NEEDED, in file order
  std::vector<std::string> runpath;  // DT_RUNPATH split on ':'
  std::vector<std::string> rpath;    // DT_RPATH split on ':' (ignored by ld.so when runpath is set)
  std::vector<VersionNeed> version_needs;
};

// Only 64-bit little-endian files are read; anything else is an Error.
Expected<ElfInfo> read_elf(std::string_view bytes);

// read_elf on a file mapped into memory rather than read: only the pages
// holding the headers and the dynamic tables are touched, so describing a
// large executable costs a few kilobytes of I/O, not its whole size.
Expected<ElfInfo> read_elf_file(const std::filesystem::path& path);

// "GLIBC_2.34" -> {2, 34}; nullopt-like {0, 0} for anything that is not GLIBC_x.y[.z].
struct GlibcVersion {
  int major = 0, minor = 0;
  auto operator<=>(const GlibcVersion&) const = default;
};
GlibcVersion parse_glibc_version(std::string_view version_name);

}  // namespace sls

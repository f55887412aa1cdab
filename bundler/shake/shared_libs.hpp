#pragma once
// The shared libraries a native function needs at run time: its DT_NEEDED
// closure, resolved by reading ELF files the way ld.so would search for them,
// minus what the target runtime already provides. What is left is copied
// into the bundle's lib/ (the bootstrap has an $ORIGIN/lib run path). The
// glibc symbol versions of everything shipped are checked against the
// runtime's glibc, because a binary that needs a newer one dies at start-up.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "bundler/shake/elf_reader.hpp"

namespace sls {

// What a Lambda runtime has: its glibc and the libraries of its base image
// that a bundle may rely on (docs/tree-shaking.md says where the list comes from).
struct RuntimeProfile {
  std::string name;
  GlibcVersion glibc;
  std::vector<std::string> provided;  // sonames
};

const RuntimeProfile& runtime_profile_al2023();
const RuntimeProfile& runtime_profile_al2();
// The profile of a native runtime name (k_native_runtimes); provided.al2023 for any other.
const RuntimeProfile& runtime_profile_for(const std::string& runtime);
bool runtime_provides(const RuntimeProfile& runtime, const std::string& soname);

// The folders ld.so searches for `arch` ("x86_64" or "arm64") on Debian and
// on most distributions; for arm64, Debian's cross sysroot and arm64 multiarch folders.
std::vector<std::filesystem::path> default_library_dirs(const std::string& arch = "x86_64");

// e_machine of executables for `arch` (EM_X86_64, EM_AARCH64), and back ("arm64").
inline constexpr std::uint16_t k_elf_machine_x86_64 = 62;
inline constexpr std::uint16_t k_elf_machine_aarch64 = 183;
std::uint16_t elf_machine_for(const std::string& arch);
std::string arch_of_machine(std::uint16_t machine);

struct BundledLibrary {
  std::string soname;               // the DT_NEEDED name: lib/<soname> in the bundle
  std::filesystem::path host_path;  // the file that was read
  std::string needed_by;            // "bootstrap" or another library's soname
};

struct LibraryProblem {
  std::string message;
  std::string hint;
  std::string file = {};                  // "bootstrap" or "lib/<soname>": the binary that needs more
  std::vector<std::string> symbols = {};  // glibc symbols too new for the runtime, unversioned names
};

struct LibraryClosure {
  std::vector<BundledLibrary> bundled;   // sorted by soname
  std::vector<std::string> provided;     // sonames left to the runtime, sorted
  std::vector<LibraryProblem> problems;  // missing libraries, glibc too new
};

// Resolves the closure of the executable at `binary` (shipped as "bootstrap").
// It must be an executable for `arch`; libraries of another architecture are passed over.
LibraryClosure resolve_libraries(const std::filesystem::path& binary, const RuntimeProfile& runtime,
                                 const std::vector<std::filesystem::path>& search_dirs,
                                 const std::string& arch = "x86_64");

// One problem per GLIBC_x.y that `file` needs and `runtime` does not have.
std::vector<LibraryProblem> check_glibc_versions(const std::string& file, const ElfInfo& info,
                                                 const RuntimeProfile& runtime);

}  // namespace sls

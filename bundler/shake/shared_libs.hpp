#pragma once
// The shared libraries a native function needs at run time: its DT_NEEDED
// closure, resolved by reading ELF files the way ld.so would search for them,
// minus what the target runtime already provides. What is left is copied
// into the bundle's lib/ (the bootstrap has an $ORIGIN/lib run path). The
// glibc symbol versions of everything shipped are checked against the
// runtime's glibc, because a binary that needs a newer one dies at start-up.

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

// The multiarch folders ld.so searches on Debian and on most distributions.
std::vector<std::filesystem::path> default_library_dirs();

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
LibraryClosure resolve_libraries(const std::filesystem::path& binary, const RuntimeProfile& runtime,
                                 const std::vector<std::filesystem::path>& search_dirs);

// One problem per GLIBC_x.y that `file` needs and `runtime` does not have.
std::vector<LibraryProblem> check_glibc_versions(const std::string& file, const ElfInfo& info,
                                                 const RuntimeProfile& runtime);

}  // namespace sls

#pragma once
// The exact compiler and linker command lines sls uses, in one place: the
// build runs them, the linter parses with them, and editors get them through
// compile_commands.json. Command lines never embed the wall clock, and
// absolute paths are remapped so binaries do not depend on where the project
// lives (docs/design.md §5).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "config/project_config.hpp"
#include "core/expected.hpp"
#include "core/install_layout.hpp"

namespace sls {

struct Toolchain {
  std::string cxx = "clang++-19";
  std::string cc = "clang-19";
  std::string archiver = "llvm-ar-19";
  std::string nm = "llvm-nm-19";  // lists the names objects define (entry_point.hpp)
  // Run in front of every compile (ccache, distcc, sccache), like CMake's
  // <LANG>_COMPILER_LAUNCHER. Not part of any cache key: it must not change
  // what the compiler produces. It never sees the prelude: with a launcher,
  // nothing is precompiled and no unit starts from a PCH (a launcher may
  // rewrite the command line, and a PCH is refused by any other one), and the
  // analyzers always parse the command line above, never the launcher's.
  std::vector<std::string> compiler_launcher;
  // Compile and lint a function's unit in one parse, inside the lint engine
  // (docs/lint.md, "One parse"); SLS_ONE_PARSE=0 runs the compiler as a process
  // and parses again to lint. Never under a launcher.
  bool one_parse = true;
  // arm64 on an x86_64 host (docs/targets.md): Debian's cross sysroot
  // (libc6-dev-arm64-cross) and the cross GCC folder holding its libstdc++,
  // libgcc and crt files (libstdc++-12-dev-arm64-cross, libgcc-12-dev-arm64-cross).
  std::string arm64_sysroot = "/usr/aarch64-linux-gnu";
  std::string arm64_gcc_dir = "/usr/lib/gcc-cross/aarch64-linux-gnu/12";
  InstallLayout layout;
};

// Tool names can be overridden with SLS_CXX, SLS_CC, SLS_AR and SLS_NM; the
// launcher is SLS_COMPILER_LAUNCHER (words separated by spaces); SLS_ONE_PARSE=0
// turns the one parse off; the arm64
// folders are SLS_ARM64_SYSROOT and SLS_ARM64_GCC_DIR.
Toolchain make_toolchain(const InstallLayout& layout);

// The arm64 sysroot: SLS_ARM64_SYSROOT, else Debian's /usr/aarch64-linux-gnu.
// Also qemu-aarch64's library root when sls runs an arm64 bootstrap.
std::string arm64_sysroot();

// Where arm64 libraries are found: the sysroot's lib/, then Debian's arm64
// multiarch folders (packages installed as PACKAGE:arm64). Never the host's.
std::vector<std::filesystem::path> arm64_library_dirs(const std::string& sysroot);

// Whether the toolchain can build for `platform`: for arm64, that its
// sysroot and cross GCC folder exist (an error naming the Debian packages if not).
Status check_platform(const Toolchain& toolchain, const Platform& platform);

// What a translation unit is compiled for.
struct UnitOptions {
  Target target = Target::Native;
  Optimize optimize = Optimize::Speed;
  std::filesystem::path project_root;
  std::string function_name;  // empty for lib/ code and the runtime glue
  std::string function_route;
  std::filesystem::path prelude_pch = {};  // the precompiled prelude to start from (C++ only), if any
  const BuildFlags* build = nullptr;       // sls.toml's build settings for this unit, if any
  std::string arch = k_default_arch;       // native only: "x86_64" or "arm64"

  Platform platform() const { return {target, arch}; }
};

// Whether `build` changes how sources compile (include folders, defines,
// compiler flags): such units do not start from the shared prelude.
bool changes_compiles(const BuildFlags* build);

// Compiler, flags and the source; no -c/-o. This is what the linter parses with.
std::vector<std::string> frontend_command(const Toolchain& toolchain, const UnitOptions& options,
                                          const std::filesystem::path& source);

// frontend_command plus "-c SOURCE -o OBJECT" (and a dependency file).
std::vector<std::string> compile_command(const Toolchain& toolchain, const UnitOptions& options,
                                         const std::filesystem::path& source, const std::filesystem::path& object);

// `command` (a compile) behind the toolchain's compiler launcher, if any.
std::vector<std::string> launched(const Toolchain& toolchain, std::vector<std::string> command);

// Precompiles `header` (the prelude: the SDK and common standard headers)
// with the flags of `options` into `pch`, for compile_command to start from.
std::vector<std::string> prelude_command(const Toolchain& toolchain, const UnitOptions& options,
                                         const std::filesystem::path& header, const std::filesystem::path& pch);

// Whether a source may start from the prelude: C++ whose first preprocessor
// directive includes an SDK header, so nothing the source does before it
// (a #define, another include) could change what the prelude means.
bool can_use_prelude(const std::filesystem::path& source, std::string_view text);

// Links objects and archives into the function's executable or module. The
// linker also writes OUTPUT.why (which archive members it took, for
// `sls build --explain`); native `system_libraries` are linked as needed with
// an $ORIGIN/lib run path, where the bundle carries them (docs/tree-shaking.md).
// The run path is a DT_RPATH, which glibc applies to the libraries' own
// dependencies too, so a bundled libcurl finds its libnghttp2 beside it.
// `build` adds its lib_dirs (absolute by then) and ldflags after the inputs.
std::vector<std::string> link_command(const Toolchain& toolchain, const Platform& platform, Optimize optimize,
                                      const std::vector<std::filesystem::path>& inputs,
                                      const std::filesystem::path& output,
                                      const std::vector<std::string>& system_libraries = {},
                                      const BuildFlags* build = nullptr);

// Whether a link takes libcurl (link = ["curl"], or -lcurl among the
// ldflags, pkg-config's included): it then wraps curl_easy_init so handles
// find the runtime's CA bundle (runtime/optional/curl_ca_bundle.cpp).
// What a runtime needs on a function's link line beyond the target's flags.
// provided.al2 (glibc 2.26): libpthread, libdl and librt named, because there
// the old symbol versions runtime/al2/ binds to live in them (docs/targets.md).
std::vector<std::string> runtime_link_flags(const std::string& runtime);

bool links_libcurl(const std::vector<std::string>& system_libraries, const BuildFlags* build);

// Where the linker writes its --why-extract report for `artifact`: ARTIFACT.why.
std::filesystem::path why_extract_path(const std::filesystem::path& artifact);

// A deterministic static archive (llvm-ar with the D modifier: zero times, uids).
std::vector<std::string> archive_command(const Toolchain& toolchain, const std::vector<std::filesystem::path>& objects,
                                         const std::filesystem::path& archive);

// A C string literal holding `text`, for -D definitions.
std::string c_string_literal(const std::string& text);

}  // namespace sls

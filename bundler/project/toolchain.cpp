#include "bundler/project/toolchain.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>

#include "bundler/project/project_layout.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

std::vector<std::string> optimization_flags(Optimize optimize) {
  switch (optimize) {
    case Optimize::Size:
      return {"-Os"};
    case Optimize::Debug:
      return {"-O0", "-g"};
    case Optimize::Speed:
      return {"-O2"};
  }
  return {"-O2"};
}

std::vector<std::string> language_flags(const fs::path& source) {
  if (is_c_source(source.string())) return {"-std=c17"};
  return {"-std=c++20"};
}

// arm64: the cross sysroot replaces the host's /usr/include and libraries,
// and the cross GCC folder gives libstdc++ (clang does not find it under a
// --sysroot that is not a whole root file system).
std::vector<std::string> arm64_flags(const Toolchain& toolchain) {
  return {"--target=aarch64-linux-gnu", "--sysroot=" + toolchain.arm64_sysroot,
          "--gcc-install-dir=" + toolchain.arm64_gcc_dir};
}

// arm64 compiles: after the sysroot, the headers Debian shares between
// architectures (multiarch keeps /usr/include arch-independent, and an arm64
// package's own arch-specific headers in /usr/include/aarch64-linux-gnu), so
// header-only libraries such as nlohmann-json, which the glue uses, are found.
// Searched last: nothing there replaces a sysroot header.
std::vector<std::string> arm64_compile_flags(const Toolchain& toolchain) {
  std::vector<std::string> flags = arm64_flags(toolchain);
  flags.insert(flags.end(), {"-idirafter", "/usr/include/aarch64-linux-gnu", "-idirafter", "/usr/include"});
  return flags;
}

std::vector<std::string> target_flags(const Toolchain& toolchain, const Platform& platform) {
  if (platform.is_native_arm64()) return arm64_compile_flags(toolchain);
  if (platform.target == Target::Native) return {"--target=x86_64-linux-gnu"};
  return {"--target=wasm32-wasi",
          "-fno-exceptions",
          "-nostdlibinc",
          "-isystem",
          "/usr/include/wasm32-wasi/c++/v1",
          "-isystem",
          "/usr/include/wasm32-wasi"};
}

std::vector<std::string> native_link_flags(const Toolchain& toolchain, const Platform& platform) {
  std::vector<std::string> flags = {"--target=x86_64-linux-gnu"};
  if (platform.is_native_arm64()) {
    flags = arm64_flags(toolchain);
    // Debian's cross libc.so is a linker script naming its files by absolute
    // path (/usr/aarch64-linux-gnu/lib/libc.so.6); lld would look for them
    // under the sysroot again. The library folders come from clang's -L.
    flags.push_back("-Wl,--sysroot=/");
  }
  flags.insert(flags.end(), {"-fuse-ld=lld", "-static-libstdc++", "-static-libgcc", "-Wl,--gc-sections",
                             "-Wl,--build-id=none"});
  return flags;
}

// Remaps absolute paths that would otherwise end up in __FILE__ and debug info.
std::vector<std::string> reproducibility_flags(const Toolchain& toolchain, const UnitOptions& options) {
  std::vector<std::string> flags;
  if (!options.project_root.empty()) flags.push_back("-ffile-prefix-map=" + options.project_root.string() + "=.");
  flags.push_back("-ffile-prefix-map=" + toolchain.layout.share_dir.string() + "=/sls");
  flags.push_back("-fdebug-compilation-dir=.");
  return flags;
}

std::vector<std::string> include_flags(const Toolchain& toolchain, const UnitOptions& options) {
  std::vector<std::string> flags = {"-isystem", toolchain.layout.sdk_include_dir().string()};
  if (!options.project_root.empty()) {
    flags.insert(flags.end(),
                 {"-I", (options.project_root / "lib").string(), "-iquote", options.project_root.string()});
  }
  return flags;
}

// sls.toml's settings: include folders (project-relative), defines, and the language's flags.
std::vector<std::string> user_compile_flags(const UnitOptions& options, const fs::path& source) {
  std::vector<std::string> flags;
  if (!options.build) return flags;
  for (const std::string& dir : options.build->include_dirs)
    flags.insert(flags.end(), {"-I", (options.project_root / dir).string()});
  for (const std::string& define : options.build->defines) flags.push_back("-D" + define);
  const auto& language = is_c_source(source.string()) ? options.build->cflags : options.build->cxxflags;
  flags.insert(flags.end(), language.begin(), language.end());
  return flags;
}

std::vector<std::string> function_definitions(const UnitOptions& options) {
  if (options.function_name.empty()) return {};
  return {"-DSLS_FUNCTION_NAME=" + c_string_literal(options.function_name),
          "-DSLS_FUNCTION_ROUTE=" + c_string_literal(options.function_route)};
}

// Starting from a precompiled prelude; headers are validated by content, so a
// PCH restored from the cache (new mtimes, same bytes) is accepted.
std::vector<std::string> prelude_flags(const UnitOptions& options, const fs::path& source) {
  if (options.prelude_pch.empty() || is_c_source(source.string())) return {};
  return {"-include-pch", options.prelude_pch.string(), "-fpch-validate-input-files-content"};
}

void append(std::vector<std::string>& to, const std::vector<std::string>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

// Tree-shaking: the archive-member report, and system libraries the bundle carries in lib/.
std::vector<std::string> tree_shaking_link_flags(Target target, const fs::path& output,
                                                 const std::vector<std::string>& system_libraries,
                                                 const BuildFlags* build) {
  std::vector<std::string> flags = {"-Wl,--why-extract=" + why_extract_path(output).string()};
  bool has_ldflags = build && !build->ldflags.empty();
  if (build)
    for (const std::string& dir : build->lib_dirs) flags.push_back("-L" + dir);
  if (target != Target::Native || (system_libraries.empty() && !has_ldflags)) {
    if (build) append(flags, build->ldflags);
    return flags;
  }
  flags.push_back("-Wl,--as-needed");
  for (const std::string& library : system_libraries) flags.push_back("-l" + library);
  if (build) append(flags, build->ldflags);
  if (links_libcurl(system_libraries, build)) flags.push_back("-Wl,--wrap=curl_easy_init");
  // DT_RPATH, not DT_RUNPATH: it also serves the bundled libraries' own dependencies.
  append(flags, {"-Wl,--disable-new-dtags", "-Wl,-rpath,$ORIGIN/lib"});
  return flags;
}

}  // namespace

Toolchain make_toolchain(const InstallLayout& layout) {
  Toolchain toolchain;
  toolchain.cxx = env_or("SLS_CXX", toolchain.cxx);
  toolchain.cc = env_or("SLS_CC", toolchain.cc);
  toolchain.archiver = env_or("SLS_AR", toolchain.archiver);
  toolchain.nm = env_or("SLS_NM", toolchain.nm);
  toolchain.arm64_sysroot = arm64_sysroot();
  toolchain.arm64_gcc_dir = env_or("SLS_ARM64_GCC_DIR", toolchain.arm64_gcc_dir);
  std::istringstream launcher(env_or("SLS_COMPILER_LAUNCHER", ""));
  for (std::string word; launcher >> word;) toolchain.compiler_launcher.push_back(word);
  toolchain.one_parse = env_or("SLS_ONE_PARSE", "1") != "0";
  toolchain.layout = layout;
  return toolchain;
}

std::string arm64_sysroot() { return env_or("SLS_ARM64_SYSROOT", Toolchain{}.arm64_sysroot); }

std::vector<fs::path> arm64_library_dirs(const std::string& sysroot) {
  return {fs::path(sysroot) / "lib", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu"};
}

Status check_platform(const Toolchain& toolchain, const Platform& platform) {
  if (!platform.is_native_arm64()) return Ok{};
  std::error_code ec;
  for (const std::string& dir : {toolchain.arm64_sysroot, toolchain.arm64_gcc_dir}) {
    if (!fs::is_directory(dir, ec))
      return make_error("arm64 functions are cross-compiled against " + dir +
                        ", which is not on this machine: install libc6-dev-arm64-cross, libstdc++-12-dev-arm64-cross "
                        "and libgcc-12-dev-arm64-cross (see docs/targets.md), or set arch = \"x86_64\"");
  }
  return Ok{};
}

std::vector<std::string> frontend_command(const Toolchain& toolchain, const UnitOptions& options,
                                          const fs::path& source) {
  std::vector<std::string> command = {is_c_source(source.string()) ? toolchain.cc : toolchain.cxx};
  append(command, target_flags(toolchain, options.platform()));
  append(command, language_flags(source));
  append(command, optimization_flags(options.optimize));
  append(command, {"-ffunction-sections", "-fdata-sections", "-fdiagnostics-color=never"});
  append(command, reproducibility_flags(toolchain, options));
  append(command, include_flags(toolchain, options));
  append(command, function_definitions(options));
  append(command, user_compile_flags(options, source));
  append(command, prelude_flags(options, source));
  command.push_back(source.string());
  return command;
}

std::vector<std::string> launched(const Toolchain& toolchain, std::vector<std::string> command) {
  command.insert(command.begin(), toolchain.compiler_launcher.begin(), toolchain.compiler_launcher.end());
  return command;
}

std::vector<std::string> prelude_command(const Toolchain& toolchain, const UnitOptions& options, const fs::path& header,
                                         const fs::path& pch) {
  UnitOptions shared = options;
  shared.function_name.clear();  // one prelude for every function: no per-function -D
  shared.prelude_pch.clear();
  std::vector<std::string> command = frontend_command(toolchain, shared, header);
  command.insert(command.end() - 1, {"-x", "c++-header"});
  // Records each header's content hash in the PCH, so a header whose mtime
  // changed but whose bytes did not (a reinstall, a fresh checkout) still
  // validates; without it clang refuses the PCH on any mtime change.
  command.insert(command.end() - 1, "-fpch-validate-input-files-content");
  append(command, {"-o", pch.string(), "-MD", "-MF", pch.string() + ".d"});
  return command;
}

namespace {

// Skips blanks and comments; the position of the next token.
std::size_t skip_blanks_and_comments(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[at]))) {
      ++at;
    } else if (text.substr(at, 2) == "//") {
      at = text.find('\n', at);
      if (at == std::string_view::npos) return text.size();
    } else if (text.substr(at, 2) == "/*") {
      at = text.find("*/", at + 2);
      if (at == std::string_view::npos) return text.size();
      at += 2;
    } else {
      break;
    }
  }
  return at;
}

}  // namespace

bool can_use_prelude(const fs::path& source, std::string_view text) {
  if (is_c_source(source.string())) return false;
  std::size_t at = skip_blanks_and_comments(text, 0);
  if (at >= text.size() || text[at] != '#') return false;
  at = text.find_first_not_of(" \t", at + 1);
  if (at == std::string_view::npos || text.substr(at, 7) != "include") return false;
  at = text.find_first_not_of(" \t", at + 7);
  return at != std::string_view::npos && (text.substr(at, 5) == "<sls/" || text.substr(at, 5) == "\"sls/");
}

std::vector<std::string> compile_command(const Toolchain& toolchain, const UnitOptions& options, const fs::path& source,
                                         const fs::path& object) {
  std::vector<std::string> command = frontend_command(toolchain, options, source);
  append(command, {"-c", "-o", object.string(), "-MD", "-MF", object.string() + ".d"});
  return command;
}

std::vector<std::string> link_command(const Toolchain& toolchain, const Platform& platform, Optimize optimize,
                                      const std::vector<fs::path>& inputs, const fs::path& output,
                                      const std::vector<std::string>& system_libraries, const BuildFlags* build) {
  Target target = platform.target;
  std::vector<std::string> command = {toolchain.cxx};
  if (target == Target::Native) {
    append(command, native_link_flags(toolchain, platform));
  } else {
    append(command, {"--target=wasm32-wasi", "-fno-exceptions", "-Wl,--keep-section=target_features",
                     "-Wl,--stack-first", "-Wl,-z,stack-size=1048576", "-Wl,--gc-sections"});
  }
  // Debug builds keep their symbols; everything else ships stripped.
  if (optimize != Optimize::Debug) command.push_back("-s");
  for (const fs::path& input : inputs) command.push_back(input.string());
  append(command, tree_shaking_link_flags(target, output, system_libraries, build));
  append(command, {"-o", output.string()});
  return command;
}

std::vector<std::string> runtime_link_flags(const std::string& runtime) {
  if (runtime != "provided.al2") return {};
  // --no-as-needed: on the build machine's glibc these symbols resolve from libc itself.
  return {"-Wl,--push-state,--no-as-needed", "-l:libpthread.so.0", "-l:libdl.so.2", "-l:librt.so.1",
          "-Wl,--pop-state"};
}

std::vector<std::string> archive_command(const Toolchain& toolchain, const std::vector<fs::path>& objects,
                                         const fs::path& archive) {
  std::vector<std::string> command = {toolchain.archiver, "rcsD", archive.string()};
  for (const fs::path& object : objects) command.push_back(object.string());
  return command;
}

std::string c_string_literal(const std::string& text) {
  std::string literal = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      literal += '\\';
      literal += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      // Three-digit octal, because a \x escape would swallow following hex digits.
      literal += '\\';
      literal += static_cast<char>('0' + (c >> 6));
      literal += static_cast<char>('0' + ((c >> 3) & 7));
      literal += static_cast<char>('0' + (c & 7));
    } else {
      literal += static_cast<char>(c);
    }
  }
  return literal + "\"";
}

bool links_libcurl(const std::vector<std::string>& system_libraries, const BuildFlags* build) {
  if (std::find(system_libraries.begin(), system_libraries.end(), "curl") != system_libraries.end()) return true;
  return build && std::find(build->ldflags.begin(), build->ldflags.end(), "-lcurl") != build->ldflags.end();
}

bool changes_compiles(const BuildFlags* build) {
  return build && (!build->include_dirs.empty() || !build->defines.empty() || !build->cflags.empty() ||
                   !build->cxxflags.empty());
}

fs::path why_extract_path(const fs::path& artifact) {
  fs::path path = artifact;
  path += ".why";
  return path;
}

}  // namespace sls

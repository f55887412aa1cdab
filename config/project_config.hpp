#pragma once
// sls.toml as data: every key of docs/design.md §2, with its defaults and the
// location it came from, so later stages can point back at the file.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"

namespace sls {

enum class Target { Native, Wasm };
enum class Optimize { Speed, Size, Debug };

std::string to_string(Target target);
std::string to_string(Optimize optimize);

// "native" or "wasm", as sls.toml, --target and sls.json spell them.
inline const std::vector<std::string> k_target_names = {"native", "wasm"};
std::optional<Target> parse_target(std::string_view text);

// The CPU architectures a native function can be built for (docs/targets.md),
// as sls.toml, sls.json and the exports spell them; wasm functions have none.
inline const std::vector<std::string> k_native_archs = {"x86_64", "arm64"};
inline constexpr const char* k_default_arch = "x86_64";

// What code is built for: the target and, for native code, the CPU
// architecture. A wasm platform has no architecture, so a project's `arch`
// never splits its wasm builds. The runtime glue, the prelude, lib/'s archive
// and .sls/build/<platform> are all per platform, so an x86_64 build never
// takes an arm64 object or the reverse. Made from a bare Target on purpose:
// x86_64 is what every caller that does not say otherwise means.
struct Platform {
  Target target = Target::Native;
  std::string arch = k_default_arch;

  Platform() = default;
  Platform(Target target_, std::string arch_ = k_default_arch)  // NOLINT(google-explicit-constructor)
      : target(target_), arch(target_ == Target::Wasm ? "" : std::move(arch_)) {}
  auto operator<=>(const Platform&) const = default;
  bool is_native_arm64() const { return target == Target::Native && arch == "arm64"; }
};

// "native" (x86_64: the name sls has always used), "native-arm64" or "wasm".
std::string to_string(const Platform& platform);

// The Lambda runtimes a native function can target (docs/targets.md); each has
// its glibc and library list in bundler/shake/shared_libs.cpp.
inline const std::vector<std::string> k_native_runtimes = {"provided.al2023", "provided.al2"};
inline constexpr const char* k_default_native_runtime = "provided.al2023";

inline constexpr int k_default_memory_mb = 1024;
inline constexpr int k_default_max_duration_s = 10;
// Requests one instance serves at once (Lambda Managed Instances); 1 is the classic model.
inline constexpr int k_default_concurrency = 1;
inline constexpr int k_max_concurrency = 64;

// Build settings, project-wide under [build] and per function under
// [functions."…"] (a function's come after the project's). Every entry is one
// command-line argument; docs/configuration.md has an example of each key.
// One element of a function's `include` list, with where it is written (messages point at it).
struct IncludeGlob {
  std::string pattern;
  SourceLocation where;
};

struct BuildFlags {
  std::vector<std::string> include_dirs;  // project-relative folders, as -I
  std::vector<std::string> defines;       // NAME or NAME=VALUE, as -D
  std::vector<std::string> cflags;        // C sources only
  std::vector<std::string> cxxflags;      // C++ sources only
  std::vector<std::string> ldflags;       // the link (native and wasm)
  std::vector<std::string> lib_dirs;    // -L, and where shipped libraries are looked for (absolute or project-relative)
  std::vector<std::string> pkg_config;  // packages whose --cflags and --libs are added (native only)
  SourceLocation pkg_config_location;   // of the pkg_config key, for pkg-config's complaints

  void append(const BuildFlags& more);
};

// [functions."api/x"]: every field optional; unset ones fall back to the project.
struct FunctionSettings {
  SourceLocation location;  // of the table header, for "no such function"
  std::optional<Target> target;
  std::optional<std::string> arch;     // native only: one of k_native_archs
  std::optional<std::string> runtime;  // native only: one of k_native_runtimes
  std::optional<std::vector<std::string>> regions;
  std::optional<int> memory_mb;
  std::optional<int> max_duration_s;
  std::optional<int> concurrency;  // requests at once per instance (AWS_LAMBDA_MAX_CONCURRENCY)
  std::vector<IncludeGlob> include;
  std::vector<std::string> link;                         // system libraries, linked as -l<name> (native only)
  std::optional<int> max_size;                           // bytes, unzipped; checked at build time
  std::vector<std::pair<std::string, std::string>> env;  // sorted by name
  std::optional<std::string> cache_control;              // for the function's responses (the edge may cache them)
  BuildFlags build;
};

// [static] rules = [{ glob, cache_control }]: the first rule whose glob
// matches a public/ path gives its Cache-Control (docs/configuration.md).
struct StaticRule {
  std::string glob;
  std::string cache_control;
  SourceLocation location;
};

struct RuleSeveritySetting {
  std::string rule;
  std::string severity;  // "off" | "note" | "warning" | "error"
  SourceLocation location;
};

struct LintSettings {
  std::string profile = "lambda-default";
  SourceLocation profile_location;
  std::vector<RuleSeveritySetting> severity;
};

struct ProjectConfig {
  std::string name;
  std::vector<std::string> regions = {"iad1"};
  Target target = Target::Native;
  std::string arch = k_default_arch;  // of native functions; wasm ignores it (docs/targets.md)
  std::string runtime = k_default_native_runtime;
  Optimize optimize = Optimize::Speed;
  BuildFlags build;  // [build]'s flags, for every function and lib/
  std::map<std::string, FunctionSettings> functions;
  LintSettings lint;
  std::vector<StaticRule> static_rules;  // in file order
};

// Reads DIR/sls.toml if it exists (defaults otherwise). Problems are reported
// to `diagnostics` as "sls.toml:LINE:COL"; returns nullopt if any was an error.
std::optional<ProjectConfig> load_project_config(const std::filesystem::path& project_dir, Diagnostics& diagnostics);

// The same for text already in memory (`file_label` names it in messages).
std::optional<ProjectConfig> parse_project_config(std::string_view text, const std::string& file_label,
                                                  const std::string& default_name, Diagnostics& diagnostics);

}  // namespace sls

#pragma once
// The plan: for every function, its effective settings (project defaults,
// then [functions."…"], then command-line overrides). Plain data that every
// later stage reads by reference: the compile, lint and package stages, the
// manifest and spin.toml all describe a function through its PlannedFunction.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bundler/project/project_layout.hpp"
#include "config/project_config.hpp"
#include "core/diagnostics.hpp"

namespace sls {

struct PlannedFunction {
  const FunctionSource* source = nullptr;  // what the scan found: name, route, sources
  Target target = Target::Native;
  std::string arch = k_default_arch;  // native: "x86_64" or "arm64"; a wasm function ignores it
  std::string native_runtime = k_default_native_runtime;  // the Lambda runtime when native
  std::vector<std::string> regions;
  int memory_mb = k_default_memory_mb;
  int max_duration_s = k_default_max_duration_s;
  int concurrency = k_default_concurrency;  // > 1: one instance serves that many requests at once
  std::vector<std::pair<std::string, std::string>> env;  // sorted by name
  std::vector<IncludeGlob> include_globs;
  SourceLocation settings_location;         // its [functions."…"] table, for messages about its settings
  std::vector<std::string> link_libraries;  // native: -l<name> each, shipped in lib/ unless the runtime has it
  std::optional<int> max_size;              // unzipped bytes
  std::optional<std::string> cache_control;  // recorded in the manifest for the edge (docs/configuration.md)
  BuildFlags build;  // [build]'s settings, then the function's (pkg-config resolved by load_project)

  const std::string& name() const { return source->name; }                // "api/users/[id]"
  const std::string& route() const { return source->route; }              // "/api/users/:id"
  // "provided.al2023", "provided.al2" or, for wasm, "wasi-preview1": in sls.json and the manifest.
  std::string runtime() const { return target == Target::Native ? native_runtime : "wasi-preview1"; }
  // What the function's code is compiled for: a wasm function's arch is ignored (docs/targets.md).
  Platform platform() const { return {target, arch}; }
  bool compiles() const { return source->kind == FunctionKind::Source; }  // not a prebuilt module
};

// Also reports [functions."x"] tables that name no function (with a hint).
std::vector<PlannedFunction> plan_functions(const ProjectLayout& layout, const ProjectConfig& config,
                                            std::optional<Target> target_override, Diagnostics& diagnostics);

// "functions/api/hello.zip"
std::string bundle_path_for(const std::string& function_name);

}  // namespace sls

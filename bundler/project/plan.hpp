#pragma once
// Stage 2: the plan — for every function, its effective settings (project
// defaults, then [functions."…"], then command-line overrides). Plain data.

#include <optional>
#include <string>
#include <vector>

#include "bundler/package/bundle.hpp"
#include "bundler/project/project_layout.hpp"
#include "config/project_config.hpp"
#include "core/diagnostics.hpp"

namespace sls {

struct PlannedFunction {
  const FunctionSource* source = nullptr;
  BundleMetadata metadata;
  std::vector<std::string> include_globs;
  SourceLocation include_location;           // its [functions."…"] table, for messages about globs
  std::vector<std::string> link_libraries;  // native: -l<name> each, shipped in lib/ unless the runtime has it
  std::optional<int> max_size;              // unzipped bytes
};

// Also reports [functions."x"] tables that name no function (with a hint).
std::vector<PlannedFunction> plan_functions(const ProjectLayout& layout, const ProjectConfig& config,
                                            std::optional<Target> target_override, Diagnostics& diagnostics);

// "functions/api/hello.zip"
std::string bundle_path_for(const std::string& function_name);

}  // namespace sls

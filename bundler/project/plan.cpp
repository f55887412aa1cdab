#include "bundler/project/plan.hpp"

#include <algorithm>

#include "core/spelling.hpp"

namespace sls {

std::string bundle_path_for(const std::string& function_name) { return "functions/" + function_name + ".zip"; }

namespace {

void report_unknown_function_settings(const ProjectLayout& layout, const ProjectConfig& config,
                                      Diagnostics& diagnostics) {
  std::vector<std::string> names;
  for (const FunctionSource& function : layout.functions) names.push_back(function.name);
  std::sort(names.begin(), names.end());  // searched once per [functions."x"] table: not linearly
  for (const auto& [name, settings] : config.functions) {
    if (std::binary_search(names.begin(), names.end(), name)) continue;
    diagnostics.error(settings.location,
                      "[functions.\"" + name + "\"] names no function in api/" + did_you_mean(name, names));
  }
}

}  // namespace

std::vector<PlannedFunction> plan_functions(const ProjectLayout& layout, const ProjectConfig& config,
                                            std::optional<Target> target_override, Diagnostics& diagnostics) {
  report_unknown_function_settings(layout, config, diagnostics);
  std::vector<PlannedFunction> plan;
  for (const FunctionSource& function : layout.functions) {
    FunctionSettings settings;
    if (auto found = config.functions.find(function.name); found != config.functions.end()) settings = found->second;
    PlannedFunction planned;
    planned.source = &function;
    planned.target = target_override.value_or(settings.target.value_or(config.target));
    if (function.kind == FunctionKind::PrebuiltWasm) planned.target = Target::Wasm;
    planned.arch = settings.arch.value_or(config.arch);
    planned.native_runtime = settings.runtime.value_or(config.runtime);
    planned.regions = settings.regions.value_or(config.regions);
    planned.memory_mb = settings.memory_mb.value_or(k_default_memory_mb);
    planned.max_duration_s = settings.max_duration_s.value_or(k_default_max_duration_s);
    planned.concurrency = settings.concurrency.value_or(k_default_concurrency);
    planned.env = settings.env;
    planned.include_globs = settings.include;
    planned.settings_location = settings.location;
    planned.link_libraries = settings.link;
    planned.max_size = settings.max_size;
    planned.cache_control = settings.cache_control;
    planned.build = config.build;
    planned.build.append(settings.build);
    plan.push_back(std::move(planned));
  }
  return plan;
}

}  // namespace sls

#pragma once
// Stage 2: compile and link. The runtime glue is compiled once per target
// (and reused while its sources and flags are unchanged), lib/ once per
// target into a static archive so the linker takes only the members a
// function uses, then every function is compiled and linked on its own, in
// parallel. A function that fails is reported and the others go on.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bundler/project_layout.hpp"
#include "bundler/toolchain.hpp"
#include "config/project_config.hpp"
#include "core/diagnostics.hpp"
#include "core/process.hpp"

namespace sls {

struct CompileContext {
  const ProjectLayout& layout;
  const Toolchain& toolchain;
  ProcessRunner& runner;
  Diagnostics& diagnostics;
  std::filesystem::path work_dir;  // .sls/build
  Optimize optimize = Optimize::Speed;
  unsigned jobs = 1;
};

struct FunctionBuildRequest {
  const FunctionSource* function;
  Target target;
  std::vector<std::string> link_libraries;  // [functions] link: -l<name> each (native)
};

struct BuiltFunction {
  std::string name;
  Target target = Target::Native;
  std::optional<std::filesystem::path> artifact;  // bootstrap or function.wasm; nullopt when it failed
};

// One result per request, in the same order.
std::vector<BuiltFunction> compile_functions(const CompileContext& context,
                                             const std::vector<FunctionBuildRequest>& requests);

}  // namespace sls

#include "bundler/compile.hpp"

#include <algorithm>
#include <mutex>

#include "bundler/wasm_checks.hpp"
#include "bundler/wasm_limits.hpp"
#include <unistd.h>

#include "core/cache_dir.hpp"
#include "core/file_system.hpp"
#include "core/parallel.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace {

struct TargetSupport {
  std::vector<fs::path> glue_objects;
  std::optional<fs::path> lib_archive;
  bool glue_ok = false;
};

fs::path target_dir(const CompileContext& context, Target target) { return context.work_dir / to_string(target); }

fs::path object_path(const CompileContext& context, Target target, const std::string& source) {
  return target_dir(context, target) / "objects" / (source + ".o");
}

// wasm: under the compiler's own errors, one line on what cannot work in wasm32-wasi and why.
void explain_wasm_failure(const CompileContext& context, Target target, const std::string& output,
                          const SourceLocation& where) {
  if (target != Target::Wasm) return;
  for (Diagnostic& note : explain_wasm_limits(output, where)) context.diagnostics.report(std::move(note));
}

// Runs a tool from the project root so its messages name project-relative files.
bool run_step(const CompileContext& context, const std::vector<std::string>& command, const SourceLocation& where,
              const std::string& failure, Target target = Target::Native) {
  ProcessSpec spec{command, std::nullopt, {}, context.layout.root};
  auto result = context.runner.run(spec);
  if (!result) {
    context.diagnostics.error(where, failure + ": " + result.error().message);
    return false;
  }
  if (result->exit_code != 0) {
    context.diagnostics.error(where, failure, result->stderr_data + result->stdout_data);
    explain_wasm_failure(context, target, result->stderr_data + result->stdout_data, where);
    return false;
  }
  return true;
}

UnitOptions unit_options(const CompileContext& context, Target target, const FunctionSource* function) {
  UnitOptions options{target, context.optimize, context.layout.root, {}, {}};
  if (function) {
    options.function_name = function->name;
    options.function_route = function->route;
  }
  return options;
}

std::vector<fs::path> runtime_sources(const CompileContext& context, Target target) {
  std::vector<fs::path> sources;
  fs::path runtime = context.toolchain.layout.runtime_dir();
  for (const std::string& folder : {std::string("common"), to_string(target)}) {
    for (const std::string& file : list_files_sorted(runtime / folder)) {
      if (is_cxx_source(file)) sources.push_back(runtime / folder / file);
    }
  }
  return sources;
}

// The glue's objects depend only on its sources, the SDK headers and the flags.
std::string runtime_key(const CompileContext& context, Target target, const std::vector<fs::path>& sources,
                        const std::string& compiler) {
  Sha256Builder key;
  key.update_field(compiler);
  UnitOptions options = unit_options(context, target, nullptr);
  options.project_root.clear();
  for (const fs::path& source : sources) {
    for (const std::string& arg : frontend_command(context.toolchain, options, source)) key.update_field(arg);
  }
  // Every header the glue can include: the SDK's and the glue's own.
  for (const fs::path& dir : {context.toolchain.layout.sdk_include_dir(), context.toolchain.layout.runtime_dir()}) {
    for (const std::string& file : list_files_sorted(dir)) {
      auto bytes = read_file(dir / file);
      key.update_field(file);
      key.update_field(bytes ? *bytes : "");
    }
  }
  return key.finish_hex();
}

// The compiler's own version line, so a compiler upgrade invalidates the glue.
std::string compiler_identity(const CompileContext& context) {
  auto result = context.runner.run({{context.toolchain.cxx, "--version"}, std::nullopt, {}, {}});
  return result && result->exit_code == 0 ? result->stdout_data : context.toolchain.cxx;
}

// Compiles the glue into `dir` (a private temporary folder); true on success.
bool compile_runtime_into(const CompileContext& context, Target target, const std::vector<fs::path>& sources,
                          const fs::path& dir) {
  UnitOptions options = unit_options(context, target, nullptr);
  options.project_root.clear();
  std::atomic<bool> ok{true};
  parallel_for(sources.size(), context.jobs, [&](std::size_t i) {
    auto command = compile_command(context.toolchain, options, sources[i], dir / (sources[i].filename().string() + ".o"));
    if (!run_step(context, command, {}, "the sls runtime glue (" + sources[i].filename().string() + ") failed to compile"))
      ok = false;
  });
  return ok;
}

// The glue is the same for every project, so it is compiled once per target
// into the user cache under a key of its sources, headers, flags and
// compiler, and published with one rename so concurrent builds are safe.
void prepare_runtime(const CompileContext& context, Target target, TargetSupport& support) {
  std::vector<fs::path> sources = runtime_sources(context, target);
  if (sources.empty()) {
    context.diagnostics.error({}, "no runtime glue found in " + context.toolchain.layout.runtime_dir().string());
    return;
  }
  std::string key = runtime_key(context, target, sources, compiler_identity(context));
  fs::path dir = user_cache_dir() / "runtime" / (to_string(target) + "-" + key.substr(0, 32));
  for (const fs::path& source : sources) support.glue_objects.push_back(dir / (source.filename().string() + ".o"));
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    support.glue_ok = true;
    return;
  }
  fs::path temp = dir;
  temp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(static_cast<int>(target));
  fs::remove_all(temp, ec);
  fs::create_directories(temp, ec);
  if (!ec && compile_runtime_into(context, target, sources, temp)) {
    fs::rename(temp, dir, ec);  // fails harmlessly when another build published it first
    support.glue_ok = fs::is_directory(dir, ec);
  }
  fs::remove_all(temp, ec);
}

void prepare_lib(const CompileContext& context, Target target, TargetSupport& support) {
  const auto& sources = context.layout.lib_sources;
  if (sources.empty()) return;
  std::vector<fs::path> objects(sources.size());
  std::vector<char> compiled(sources.size(), 0);
  parallel_for(sources.size(), context.jobs, [&](std::size_t i) {
    objects[i] = object_path(context, target, sources[i]);
    fs::create_directories(objects[i].parent_path());
    auto command = compile_command(context.toolchain, unit_options(context, target, nullptr), sources[i], objects[i]);
    compiled[i] = run_step(context, command, {sources[i], 0, 0}, "lib source failed to compile", target);
  });
  std::vector<fs::path> good;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (compiled[i]) good.push_back(objects[i]);
  }
  if (good.empty()) return;
  fs::path archive = target_dir(context, target) / "liblib.a";
  std::error_code ec;
  fs::remove(archive, ec);  // llvm-ar appends to an existing archive
  if (run_step(context, archive_command(context.toolchain, good, archive), {"lib", 0, 0}, "cannot archive lib/ objects"))
    support.lib_archive = archive;
}

std::string artifact_name(Target target) { return target == Target::Native ? "bootstrap" : "function.wasm"; }

// Adds the hint a user needs when the only problem is a missing SLS_HANDLER.
std::string explain_link_failure(const std::string& output) {
  if (output.find("invoke_handler") == std::string::npos) return "";
  return "hint: no handler is registered; end the function's source with SLS_HANDLER(your_handler)\n";
}

std::optional<fs::path> build_function(const CompileContext& context, const FunctionBuildRequest& request,
                                       const TargetSupport& support) {
  const FunctionSource& function = *request.function;
  std::vector<fs::path> inputs;
  bool ok = true;
  for (const std::string& source : function.sources) {
    fs::path object = object_path(context, request.target, source);
    fs::create_directories(object.parent_path());
    auto command = compile_command(context.toolchain, unit_options(context, request.target, &function), source, object);
    ok = run_step(context, command, {source, 0, 0}, "function '" + function.name + "' failed to compile", request.target) &&
         ok;
    inputs.push_back(object);
  }
  if (!ok || !support.glue_ok) return std::nullopt;
  if (support.lib_archive) inputs.push_back(*support.lib_archive);
  inputs.insert(inputs.end(), support.glue_objects.begin(), support.glue_objects.end());
  fs::path output = target_dir(context, request.target) / "out" / function.name / artifact_name(request.target);
  fs::create_directories(output.parent_path());
  auto command = link_command(context.toolchain, request.target, context.optimize, inputs, output, request.link_libraries);
  ProcessSpec spec{command, std::nullopt, {}, context.layout.root};
  auto result = context.runner.run(spec);
  if (!result || result->exit_code != 0) {
    std::string output_text = result ? result->stderr_data + result->stdout_data : result.error().message;
    context.diagnostics.error({function.entry, 0, 0}, "function '" + function.name + "' failed to link",
                              output_text + explain_link_failure(output_text));
    explain_wasm_failure(context, request.target, output_text, {function.entry, 0, 0});
    return std::nullopt;
  }
  // wasm: wasm-opt when installed, then the checks a prebuilt module gets.
  if (request.target == Target::Wasm &&
      !finish_linked_module(output, context.optimize, context.runner, context.diagnostics, {function.entry, 0, 0}))
    return std::nullopt;
  return output;
}

}  // namespace

std::vector<BuiltFunction> compile_functions(const CompileContext& context,
                                             const std::vector<FunctionBuildRequest>& requests) {
  std::map<Target, TargetSupport> supports;
  for (const auto& request : requests) supports.try_emplace(request.target);
  for (auto& [target, support] : supports) {
    prepare_runtime(context, target, support);
    prepare_lib(context, target, support);
  }
  std::vector<BuiltFunction> built(requests.size());
  parallel_for(requests.size(), context.jobs, [&](std::size_t i) {
    const auto& request = requests[i];
    built[i] = {request.function->name, request.target, build_function(context, request, supports.at(request.target))};
  });
  return built;
}

}  // namespace sls

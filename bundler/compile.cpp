#include "bundler/compile.hpp"

#include <algorithm>
#include <mutex>
#include <thread>

#include "bundler/link_report.hpp"
#include "bundler/wasm_checks.hpp"
#include "bundler/wasm_limits.hpp"
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache_dir.hpp"
#include "core/file_system.hpp"
#include "core/parallel.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace {

// A compiled translation unit: where its object goes and its cache key.
struct CompiledUnit {
  std::string source;
  fs::path object;
  std::optional<std::string> key;  // nullopt: it failed to compile
};

struct TargetSupport {
  std::vector<fs::path> glue_objects;
  std::string glue_key;
  bool glue_ok = false;
  std::vector<CompiledUnit> lib_units;
  std::string lib_key;  // of every lib object together
  std::once_flag archive_once;
  std::optional<fs::path> lib_archive;  // made only when a link needs it
  fs::path prelude_pch;  // the precompiled prelude, on disk; empty when there is none
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
  std::string key = runtime_key(context, target, sources, compiler_identity(context.runner, context.toolchain));
  support.glue_key = key;
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

StepCacheContext cache_context(const CompileContext& context) {
  return {context.store, context.hasher, compiler_identity(context.runner, context.toolchain), context.layout.root};
}

// Compiles one source unless the cache has its object; fills unit.key.
void compile_unit(const CompileContext& context, const UnitOptions& options, CompiledUnit& unit,
                  const std::string& failure) {
  CompileStepCache cache(cache_context(context));
  auto command = compile_command(context.toolchain, options, unit.source, unit.object);
  if ((unit.key = cache.lookup(command, unit.source, unit.object))) {
    ++context.counters.compile_hits;
    context.progress.skipped();
    return;
  }
  fs::create_directories(unit.object.parent_path());
  ++context.counters.compiled;
  context.progress.started("compile", unit.source);
  if (!run_step(context, command, {unit.source, 0, 0}, failure, options.target)) return;
  unit.key = cache.record(command, unit.source, unit.object);
  if (!unit.key) context.diagnostics.error({unit.source, 0, 0}, "cannot store the object of " + unit.source + " in the cache");
}

// A file in .sls/build carries a "FILE.key" stamp naming the store entry it holds.
bool holds_entry(const fs::path& file, const std::string& key) {
  auto stamp = read_file(file.string() + ".key");
  std::error_code ec;
  return stamp && *stamp == key && fs::is_regular_file(file, ec);
}

Status stamp_entry(const fs::path& file, const std::string& key) {
  return write_file_atomically(file.string() + ".key", key, fs::perms(0644));
}

// The prelude (runtime/prelude/prelude.hpp) precompiled for this target and
// these flags: a cached step like any compile, kept on disk for the compiles
// and the lint that start from it. Without it functions compile as before.
void prepare_prelude(const CompileContext& context, Target target, TargetSupport& support) {
  fs::path header = context.toolchain.layout.runtime_dir() / "prelude" / "prelude.hpp";
  fs::path pch = target_dir(context, target) / "prelude.pch";
  std::error_code ec;
  if (!fs::is_regular_file(header, ec)) return;
  auto command = prelude_command(context.toolchain, unit_options(context, target, nullptr), header, pch);
  CompileStepCache cache(cache_context(context));
  auto key = cache.lookup(command, header.string(), pch);
  if (!key) {
    fs::create_directories(pch.parent_path(), ec);
    ++context.counters.compiled;
    auto result = context.runner.run({command, std::nullopt, {}, context.layout.root});
    if (!result || result->exit_code != 0) {
      context.diagnostics.warning({header.string(), 0, 0}, "the prelude did not precompile; functions are compiled without it",
                                  result ? result->stderr_data : result.error().message);
      return;
    }
    key = cache.record(command, header.string(), pch);
  }
  if (key && (holds_entry(pch, *key) || (materialize(context.store, *key, pch, fs::perms(0644)) && stamp_entry(pch, *key))))
    support.prelude_pch = pch;
}

// The prelude a function's source starts from, if it can (see can_use_prelude).
fs::path prelude_for(const CompileContext& context, const TargetSupport& support, const std::string& source) {
  if (support.prelude_pch.empty()) return {};
  auto text = read_file(context.layout.root / source);
  return text && can_use_prelude(source, *text) ? support.prelude_pch : fs::path();
}

// Objects from cache hits exist only in the store until a link needs them.
bool ensure_object(const CompileContext& context, const CompiledUnit& unit) {
  if (holds_entry(unit.object, *unit.key)) return true;
  return materialize(context.store, *unit.key, unit.object, fs::perms(0644)) && stamp_entry(unit.object, *unit.key);
}

void prepare_lib(const CompileContext& context, Target target, TargetSupport& support) {
  for (const std::string& source : context.layout.lib_sources)
    support.lib_units.push_back({source, object_path(context, target, source), std::nullopt});
  parallel_for(support.lib_units.size(), context.jobs, [&](std::size_t i) {
    compile_unit(context, unit_options(context, target, nullptr), support.lib_units[i], "lib source failed to compile");
  });
  std::vector<std::string> keys = {"lib"};
  for (const CompiledUnit& unit : support.lib_units) keys.push_back(unit.key.value_or("failed:" + unit.source));
  support.lib_key = combine_keys(keys);
}

// The lib/ archive, made once per build and only if some function must be linked.
std::optional<fs::path> lib_archive(const CompileContext& context, Target target, TargetSupport& support) {
  std::call_once(support.archive_once, [&] {
    std::vector<fs::path> objects;
    for (const CompiledUnit& unit : support.lib_units) {
      if (unit.key && ensure_object(context, unit)) objects.push_back(unit.object);
    }
    if (objects.empty()) return;
    fs::path archive = target_dir(context, target) / "liblib.a";
    std::error_code ec;
    fs::remove(archive, ec);  // llvm-ar appends to an existing archive
    if (run_step(context, archive_command(context.toolchain, objects, archive), {"lib", 0, 0}, "cannot archive lib/ objects"))
      support.lib_archive = archive;
  });
  return support.lib_archive;
}

std::string artifact_name(Target target) { return target == Target::Native ? "bootstrap" : "function.wasm"; }

// Adds the hint a user needs when the only problem is a missing SLS_HANDLER.
std::string explain_link_failure(const std::string& output) {
  if (output.find("invoke_handler") == std::string::npos) return "";
  return "hint: no handler is registered; end the function's source with SLS_HANDLER(your_handler)\n";
}

// The link's identity: its flags, every input's key, and for wasm whether
// wasm-opt will post-process the module.
std::string link_key(const CompileContext& context, const FunctionBuildRequest& request,
                     const std::vector<CompiledUnit>& units, const TargetSupport& support) {
  std::vector<std::string> parts = {"link", compiler_identity(context.runner, context.toolchain)};
  for (const std::string& arg : link_command(context.toolchain, request.target, context.optimize, {}, "out", request.link_libraries)) parts.push_back(arg);
  for (const CompiledUnit& unit : units) parts.push_back(*unit.key);
  parts.push_back(support.lib_key);
  parts.push_back(support.glue_key);
  if (request.target == Target::Wasm) parts.push_back(find_on_path("wasm-opt").value_or("no wasm-opt").string());
  return combine_keys(parts);
}

// Runs the linker (and the wasm finishing steps) and stores the result; false on failure.
bool link_function(const CompileContext& context, const FunctionBuildRequest& request,
                   const std::vector<CompiledUnit>& units, TargetSupport& support, const fs::path& output) {
  const FunctionSource& function = *request.function;
  std::vector<fs::path> inputs;
  for (const CompiledUnit& unit : units) {
    if (!ensure_object(context, unit)) return false;
    inputs.push_back(unit.object);
  }
  if (auto archive = lib_archive(context, request.target, support)) inputs.push_back(*archive);
  inputs.insert(inputs.end(), support.glue_objects.begin(), support.glue_objects.end());
  fs::create_directories(output.parent_path());
  ++context.counters.linked;
  context.progress.started("link", function.name);
  auto result = context.runner.run({link_command(context.toolchain, request.target, context.optimize, inputs, output, request.link_libraries),
                                    std::nullopt, {}, context.layout.root});
  if (!result || result->exit_code != 0) {
    std::string output_text = result ? result->stderr_data + result->stdout_data : result.error().message;
    context.diagnostics.error({function.entry, 0, 0}, "function '" + function.name + "' failed to link",
                              output_text + explain_link_failure(output_text));
    explain_wasm_failure(context, request.target, output_text, {function.entry, 0, 0});
    return false;
  }
  // wasm: wasm-opt when installed, then the checks a prebuilt module gets.
  return request.target != Target::Wasm ||
         finish_linked_module(output, context.optimize, context.runner, context.diagnostics, {function.entry, 0, 0});
}

// The linker's --why-extract report (which lib/ members it took) travels with
// the executable through the store, so a restored executable is described
// exactly like a freshly linked one and never by a stale report left beside it.
std::string link_report_key(const std::string& link_key) { return combine_keys({"why-extract", link_key}); }

void keep_link_report(const CompileContext& context, const std::string& link_key, const fs::path& output) {
  if (auto report = read_file(why_extract_path(output))) context.store.put(link_report_key(link_key), *report);
}

// Replaced in one rename, so a concurrent build never reads half a report.
void restore_link_report(const CompileContext& context, const std::string& link_key, const fs::path& output) {
  std::error_code ec;
  if (auto report = context.store.get(link_report_key(link_key)))
    write_file_atomically(why_extract_path(output), *report, fs::perms(0644));
  else
    fs::remove(why_extract_path(output), ec);
}

// Links into private file names, then renames the report and the executable
// into place: the linker writes its report in place, and a build running at
// the same time must never read a half-written one.
bool link_in_private(const CompileContext& context, const FunctionBuildRequest& request,
                     const std::vector<CompiledUnit>& units, TargetSupport& support, const fs::path& output) {
  fs::path linked = output;
  linked += ".tmp-" + std::to_string(::getpid());
  bool ok = link_function(context, request, units, support, linked);
  std::error_code ec;
  if (ok) {
    fs::rename(why_extract_path(linked), why_extract_path(output), ec);
    if (ec) fs::remove(why_extract_path(output), ec);  // no report: none beside the executable either
    fs::rename(linked, output, ec);
    if (ec) context.diagnostics.error({request.function->entry, 0, 0}, "cannot put the linked executable in place: " + ec.message());
    ok = !ec;
  }
  fs::remove(linked, ec);
  fs::remove(why_extract_path(linked), ec);
  return ok;
}

BuiltFunction build_function(const CompileContext& context, const FunctionBuildRequest& request, TargetSupport& support) {
  const FunctionSource& function = *request.function;
  BuiltFunction built{function.name, request.target, std::nullopt, {}};
  std::vector<CompiledUnit> units;
  for (const std::string& source : function.sources) {
    units.push_back({source, object_path(context, request.target, source), std::nullopt});
    UnitOptions options = unit_options(context, request.target, &function);
    options.prelude_pch = prelude_for(context, support, source);
    compile_unit(context, options, units.back(), "function '" + function.name + "' failed to compile");
    if (units.back().key) built.units.push_back({source, *units.back().key, options.prelude_pch});
  }
  bool compiled = built.units.size() == units.size();
  if (!compiled || !support.glue_ok) return built;
  std::string key = link_key(context, request, units, support);
  fs::path output = target_dir(context, request.target) / "out" / function.name / artifact_name(request.target);
  if (holds_entry(output, key)) {
    ++context.counters.link_hits;
    context.progress.skipped();
  } else if (context.store.contains(key) && materialize(context.store, key, output, fs::perms(0755))) {
    ++context.counters.link_hits;
    context.progress.skipped();
    restore_link_report(context, key, output);
    if (!stamp_entry(output, key)) return built;
  } else {
    auto bytes = link_in_private(context, request, units, support, output) ? read_file(output) : Expected<std::string>(make_error(""));
    // The report first: a concurrent build that finds the executable must also find its report.
    if (bytes) keep_link_report(context, key, output);
    if (!bytes || !context.store.put(key, *bytes) || !stamp_entry(output, key)) return built;
  }
  built.artifact = output;
  built.artifact_key = key;
  return built;
}

}  // namespace

std::vector<BuiltFunction> compile_functions(const CompileContext& context,
                                             const std::vector<FunctionBuildRequest>& requests) {
  std::map<Target, TargetSupport> supports;  // once_flag: constructed in place, never copied
  for (const auto& request : requests) supports.try_emplace(request.target);
  for (auto& [target, support] : supports) {
    // The prelude precompiles (about a second) while the glue and lib/ compile.
    std::thread prelude([&context, target = target, &support = support] { prepare_prelude(context, target, support); });
    prepare_runtime(context, target, support);
    prepare_lib(context, target, support);
    prelude.join();
  }
  std::vector<BuiltFunction> built(requests.size());
  parallel_for(requests.size(), context.jobs, [&](std::size_t i) {
    const auto& request = requests[i];
    built[i] = build_function(context, request, supports.at(request.target));
  });
  return built;
}

// The compiler binary as the file system sees it: resolved path, size, mtime, inode.
std::string compiler_stat(const std::string& compiler) {
  auto path = find_on_path(compiler);
  std::error_code ec;
  fs::path resolved = path ? fs::canonical(*path, ec) : fs::path();
  struct stat info {};
  if (resolved.empty() || ::stat(resolved.c_str(), &info) != 0) return "";
  return resolved.string() + " " + std::to_string(info.st_size) + " " + std::to_string(info.st_mtim.tv_sec) + "." +
         std::to_string(info.st_mtim.tv_nsec) + " " + std::to_string(info.st_ino);
}

std::string compiler_identity(ProcessRunner& runner, const Toolchain& toolchain) {
  // Asked once per process, and remembered across runs while the compiler
  // binary is the same file: running `clang --version` costs a process start.
  static std::mutex mutex;
  static std::map<std::string, std::string> known;
  std::lock_guard lock(mutex);
  auto found = known.find(toolchain.cxx);
  if (found != known.end()) return found->second;
  std::string stat_line = compiler_stat(toolchain.cxx);
  fs::path memo = user_cache_dir() / "compilers" / combine_keys({toolchain.cxx, stat_line});
  if (auto remembered = read_file(memo); remembered && !stat_line.empty()) return known[toolchain.cxx] = *remembered;
  auto result = runner.run({{toolchain.cxx, "--version"}, std::nullopt, {}, {}});
  std::string identity = result && result->exit_code == 0 ? result->stdout_data : toolchain.cxx;
  if (result && result->exit_code == 0 && !stat_line.empty()) write_file_atomically(memo, identity, fs::perms(0644));
  return known[toolchain.cxx] = identity;
}

}  // namespace sls

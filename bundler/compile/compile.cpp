#include "bundler/compile/compile.hpp"

#include <algorithm>
#include <mutex>

#include "bundler/compile/link_report.hpp"
#include "bundler/wasm/wasm_checks.hpp"
#include "bundler/wasm/wasm_limits.hpp"
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache_dir.hpp"
#include "core/file_system.hpp"
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
  std::vector<fs::path> glue_sources;
  std::vector<fs::path> glue_objects;
  std::string glue_key;
  bool glue_ok = false;             // its objects are published in the user cache
  fs::path glue_temp;               // where this build compiles them when they are not
  std::atomic<bool> glue_compiled{true};
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


// The glue is the same for every project, so it is compiled once per target
// into the user cache under a key of its sources, headers, flags and
// compiler, and published with one rename so concurrent builds are safe.
// This finds it; the steps below compile and publish it when it is missing.
void find_runtime(const CompileContext& context, Target target, TargetSupport& support) {
  support.glue_sources = runtime_sources(context, target);
  if (support.glue_sources.empty()) {
    context.diagnostics.error({}, "no runtime glue found in " + context.toolchain.layout.runtime_dir().string());
    return;
  }
  support.glue_key = runtime_key(context, target, support.glue_sources, compiler_identity(context.runner, context.toolchain));
  fs::path dir = user_cache_dir() / "runtime" / (to_string(target) + "-" + support.glue_key.substr(0, 32));
  for (const fs::path& source : support.glue_sources) support.glue_objects.push_back(dir / (source.filename().string() + ".o"));
  std::error_code ec;
  support.glue_ok = fs::is_directory(dir, ec);
  if (support.glue_ok) return;
  support.glue_temp = dir;
  support.glue_temp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(static_cast<int>(target));
  fs::remove_all(support.glue_temp, ec);
  fs::create_directories(support.glue_temp, ec);
  if (ec) support.glue_compiled = false;
}

// One glue source into the private temporary folder.
void compile_runtime_source(const CompileContext& context, Target target, TargetSupport& support, std::size_t i) {
  if (support.glue_ok || !support.glue_compiled) return;
  UnitOptions options = unit_options(context, target, nullptr);
  options.project_root.clear();
  const fs::path& source = support.glue_sources[i];
  auto command = compile_command(context.toolchain, options, source, support.glue_temp / (source.filename().string() + ".o"));
  if (!run_step(context, launched(context.toolchain, command), {},
                "the sls runtime glue (" + source.filename().string() + ") failed to compile"))
    support.glue_compiled = false;
}

void publish_runtime(TargetSupport& support) {
  if (support.glue_ok || support.glue_temp.empty()) return;
  std::error_code ec;
  fs::path dir = support.glue_objects.front().parent_path();
  if (support.glue_compiled) fs::rename(support.glue_temp, dir, ec);  // fails harmlessly when another build published it first
  support.glue_ok = support.glue_compiled && fs::is_directory(dir, ec);
  fs::remove_all(support.glue_temp, ec);
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
  if (!run_step(context, launched(context.toolchain, command), {unit.source, 0, 0}, failure, options.target)) return;
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
    auto result = context.runner.run({launched(context.toolchain, command), std::nullopt, {}, context.layout.root});
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

void plan_lib(const CompileContext& context, Target target, TargetSupport& support) {
  for (const std::string& source : context.layout.lib_sources)
    support.lib_units.push_back({source, object_path(context, target, source), std::nullopt});
}

// One key for every lib/ object together, once they are compiled.
void key_lib(TargetSupport& support) {
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

// One function on its way through the stage: its units, then its executable.
struct FunctionInProgress {
  FunctionBuildRequest request;
  std::vector<CompiledUnit> units;
  BuiltFunction built;
};

void compile_function(const CompileContext& context, FunctionInProgress& function, const TargetSupport& support) {
  const FunctionSource& source_set = *function.request.function;
  for (const std::string& source : source_set.sources) {
    function.units.push_back({source, object_path(context, function.request.target, source), std::nullopt});
    UnitOptions options = unit_options(context, function.request.target, &source_set);
    options.prelude_pch = prelude_for(context, support, source);
    compile_unit(context, options, function.units.back(), "function '" + source_set.name + "' failed to compile");
    if (function.units.back().key) function.built.units.push_back({source, *function.units.back().key, options.prelude_pch});
  }
}

void link_compiled_function(const CompileContext& context, FunctionInProgress& function, TargetSupport& support) {
  const FunctionBuildRequest& request = function.request;
  BuiltFunction& built = function.built;
  bool compiled = built.units.size() == request.function->sources.size();
  if (!compiled || !support.glue_ok) return;
  std::string key = link_key(context, request, function.units, support);
  fs::path output = target_dir(context, request.target) / "out" / request.function->name / artifact_name(request.target);
  if (holds_entry(output, key)) {
    ++context.counters.link_hits;
    context.progress.skipped();
  } else if (context.store.contains(key) && materialize(context.store, key, output, fs::perms(0755))) {
    ++context.counters.link_hits;
    context.progress.skipped();
    restore_link_report(context, key, output);
    if (!stamp_entry(output, key)) return;
  } else {
    auto bytes = link_in_private(context, request, function.units, support, output) ? read_file(output) : Expected<std::string>(make_error(""));
    // The report first: a concurrent build that finds the executable must also find its report.
    if (bytes) keep_link_report(context, key, output);
    if (!bytes || !context.store.put(key, *bytes) || !stamp_entry(output, key)) return;
  }
  built.artifact = output;
  built.artifact_key = key;
}

}  // namespace

struct CompileStage::State {
  std::map<Target, TargetSupport> supports;  // once_flag, atomics: constructed in place, never copied
  std::vector<FunctionInProgress> functions;
  // Per target: the prelude's step, and the steps every link waits for (glue, lib/).
  std::map<Target, std::pair<TaskGraph::TaskId, std::vector<TaskGraph::TaskId>>> target_steps;
  std::vector<TaskGraph::TaskId> compiled, linked;  // per function
};

CompileStage::CompileStage(const CompileContext& context, const std::vector<FunctionBuildRequest>& requests)
    : m_context(context), m_state(std::make_unique<State>()) {
  for (const FunctionBuildRequest& request : requests) {
    m_state->supports.try_emplace(request.target);
    m_state->functions.push_back({request, {}, {request.function->name, request.target, std::nullopt, {}, {}}});
  }
  m_state->compiled.resize(requests.size());
  m_state->linked.resize(requests.size());
}

CompileStage::~CompileStage() = default;

// Per target: the prelude, the glue and lib/ compile side by side.
void CompileStage::add_target_steps(TaskGraph& graph) {
  const CompileContext& context = m_context;
  for (auto& [target, support] : m_state->supports) {
    Target t = target;
    TargetSupport& s = support;
    find_runtime(context, t, s);
    plan_lib(context, t, s);
    TaskGraph::TaskId prelude = graph.add([&context, t, &s] { prepare_prelude(context, t, s); });
    std::vector<TaskGraph::TaskId> glue, lib;
    for (std::size_t i = 0; i < s.glue_sources.size(); ++i)
      glue.push_back(graph.add([&context, t, &s, i] { compile_runtime_source(context, t, s, i); }));
    for (CompiledUnit& unit : s.lib_units)
      lib.push_back(graph.add([&context, t, &unit] {
        compile_unit(context, unit_options(context, t, nullptr), unit, "lib source failed to compile");
      }));
    TaskGraph::TaskId published = graph.add([&s] { publish_runtime(s); }, glue);
    TaskGraph::TaskId lib_keyed = graph.add([&s] { key_lib(s); }, lib);
    m_state->target_steps[t] = {prelude, {published, lib_keyed}};
  }
}

// A function compiles once its target's prelude is ready, and links once its
// own units, the glue and lib/ are.
void CompileStage::add_function_steps(TaskGraph& graph, std::size_t i) {
  const CompileContext& context = m_context;
  FunctionInProgress& function = m_state->functions.at(i);
  TargetSupport& s = m_state->supports.at(function.request.target);
  const auto& [prelude, link_inputs] = m_state->target_steps.at(function.request.target);
  TaskGraph::TaskId compiled = graph.add([&context, &function, &s] { compile_function(context, function, s); }, {prelude});
  std::vector<TaskGraph::TaskId> after = link_inputs;
  after.push_back(compiled);
  m_state->compiled.at(i) = compiled;
  m_state->linked.at(i) = graph.add([&context, &function, &s] { link_compiled_function(context, function, s); }, after);
}

TaskGraph::TaskId CompileStage::compiled_step(std::size_t i) const { return m_state->compiled.at(i); }
TaskGraph::TaskId CompileStage::linked_step(std::size_t i) const { return m_state->linked.at(i); }
const BuiltFunction& CompileStage::built(std::size_t i) const { return m_state->functions.at(i).built; }
std::size_t CompileStage::size() const { return m_state->functions.size(); }

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

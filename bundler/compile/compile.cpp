#include "bundler/compile/compile.hpp"

#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <mutex>

#include "bundler/compile/compile_inputs.hpp"
#include "bundler/compile/entry_point.hpp"
#include "bundler/compile/link_report.hpp"
#include "bundler/lint/lint_jobs.hpp"
#include "bundler/project/lint_settings.hpp"
#include "bundler/wasm/wasm_checks.hpp"
#include "bundler/wasm/wasm_limits.hpp"
#include "cache/step_cache.hpp"
#include "core/cache_dir.hpp"
#include "core/file_system.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

// A compiled translation unit: where its object goes and its cache key.
struct CompiledUnit {
  std::string source;
  fs::path object;
  std::optional<std::string> key;     // nullopt: it failed to compile
  std::vector<std::string> command;   // how it compiles, to compile it again if its cached object is damaged
  std::optional<analyzers::LintReport> lint_report;  // when the parse that compiled it also linted it
};

struct TargetSupport {
  std::vector<fs::path> glue_sources;
  std::vector<fs::path> glue_objects;
  std::vector<fs::path> shim_objects;      // the part of glue_objects from runtime/shims/
  std::vector<fs::path> optional_objects;  // from runtime/optional/, not in glue_objects: linked on demand
  std::vector<fs::path> al2_objects;       // from runtime/al2/, not in glue_objects: provided.al2 functions only
  std::vector<fs::path> all_objects;       // what the glue step compiles and publishes
  std::string glue_key;
  bool glue_ok = false;  // its objects are published in the user cache
  fs::path glue_temp;    // where this build compiles them when they are not
  std::atomic<bool> glue_compiled{true};
  std::vector<CompiledUnit> lib_units;
  std::string lib_key;  // of every lib object together
  std::once_flag archive_once;
  std::optional<fs::path> lib_archive;  // made only when a link needs it
  fs::path prelude_pch;                 // the precompiled prelude, on disk; empty when there is none
};

// .sls/build/native, .sls/build/native-arm64, .sls/build/wasm: nothing built for one platform is found by another.
fs::path target_dir(const BuildContext& context, const Platform& platform) {
  return context.work_dir / to_string(platform);
}

fs::path object_path(const BuildContext& context, const Platform& target, const std::string& source) {
  return target_dir(context, target) / "objects" / (source + ".o");
}

// wasm: under the compiler's own errors, one line on what cannot work in wasm32-wasi and why.
void explain_wasm_failure(const BuildContext& context, Target target, const std::string& output,
                          const SourceLocation& where) {
  if (target != Target::Wasm) return;
  for (Diagnostic& note : explain_wasm_limits(output, where)) context.diagnostics.report(std::move(note));
}

// Runs a tool from the project root so its messages name project-relative files.
bool run_step(const BuildContext& context, const std::vector<std::string>& command, const SourceLocation& where,
              const std::string& failure, Target target = Target::Native) {
  ProcessSpec spec{command, std::nullopt, {}, context.layout().root};
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

UnitOptions unit_options(const BuildContext& context, const Platform& target, const PlannedFunction* function) {
  return context.project.unit_options(function, target);
}

// sls's own units (the runtime glue, the prelude): the same target and
// optimisation as the project, none of its sls.toml build settings.
UnitOptions sls_unit_options(const BuildContext& context, const Platform& target) {
  UnitOptions options = unit_options(context, target, nullptr);
  options.build = nullptr;
  return options;
}

std::vector<fs::path> runtime_sources(const BuildContext& context, const Platform& platform) {
  std::vector<fs::path> sources;
  fs::path runtime = context.toolchain().layout.runtime_dir();
  // shims/: stand-ins for glibc functions newer than provided.al2023's, linked into every native
  // executable, including those that bring their own main.
  // optional/: linked only into functions that need it (the libcurl CA bundle fix).
  // al2/: linked only into provided.al2 functions (glibc 2.26's symbol versions; x86_64 code).
  // The shims serve arm64 unchanged: aarch64 glibc added the same two symbols in the same releases.
  std::vector<std::string> folders = {"common", to_string(platform.target)};
  if (platform.target == Target::Native) folders.insert(folders.end(), {"shims", "optional", "al2"});
  for (const std::string& folder : folders) {
    for (const std::string& file : list_files_sorted(runtime / folder)) {
      if (is_cxx_source(file)) sources.push_back(runtime / folder / file);
    }
  }
  return sources;
}

// `arg` with sls's share folder replaced by a placeholder: the objects do not
// depend on where sls is installed (-ffile-prefix-map), so neither does their key.
std::string without_share_dir(std::string arg, const std::string& share_dir) {
  for (std::size_t at = arg.find(share_dir); !share_dir.empty() && at != std::string::npos;
       at = arg.find(share_dir, at))
    arg.replace(at, share_dir.size(), "<share>");
  return arg;
}

// The glue's objects depend only on its sources, the SDK headers and the flags.
std::string runtime_key(const BuildContext& context, const Platform& target, const std::vector<fs::path>& sources,
                        const std::string& compiler) {
  Sha256Builder key;
  key.update_field("glue-3");  // 2: published with glue.sha256; 3: no install path, objects in the store
  key.update_field(compiler);
  UnitOptions options = sls_unit_options(context, target);
  options.project_root.clear();
  const std::string share_dir = context.toolchain().layout.share_dir.string();
  for (const fs::path& source : sources) {
    for (const std::string& arg : frontend_command(context.toolchain(), options, source))
      key.update_field(without_share_dir(arg, share_dir));
  }
  // Every header the glue can include: the SDK's and the glue's own.
  for (const fs::path& dir : {context.toolchain().layout.sdk_include_dir(), context.toolchain().layout.runtime_dir()}) {
    for (const std::string& file : list_files_sorted(dir)) {
      auto bytes = read_file(dir / file);
      key.update_field(file);
      key.update_field(bytes ? *bytes : "");
    }
  }
  return key.finish_hex();
}

// The published glue carries the sha256 of each object (glue.sha256), checked
// through the remembered hashes whenever a build takes it: a damaged object
// is never linked. The damaged folder is moved aside and compiled afresh.
constexpr const char* k_glue_digests = "glue.sha256";

bool write_glue_digests(const fs::path& dir, const TargetSupport& support) {
  std::string text;
  for (const fs::path& object : support.all_objects) {
    auto bytes = read_file(dir / object.filename());
    if (!bytes) return false;
    text += sha256_hex(*bytes) + " " + object.filename().string() + "\n";
  }
  return static_cast<bool>(write_file_atomically(dir / k_glue_digests, text, fs::perms(0644)));
}

bool glue_is_intact(const BuildContext& context, const fs::path& dir, const TargetSupport& support) {
  auto listed = read_file(dir / k_glue_digests);
  bool intact = listed.has_value();
  for (const fs::path& object : support.all_objects) {
    if (!intact) break;
    auto digest = context.hasher.digest(object);
    intact = digest && listed->find(digest->hash + " " + object.filename().string() + "\n") != std::string::npos;
  }
  if (intact) return true;
  context.diagnostics.warning({}, "the compiled sls runtime glue was damaged (" + dir.string() +
                                      "); it was discarded and is compiled again");
  std::error_code ec;
  fs::path aside = dir;
  aside += ".damaged-" + std::to_string(::getpid());
  fs::rename(dir, aside, ec);
  fs::remove_all(aside, ec);
  return false;
}

// The glue is the same for every project, so it is compiled once per target
// into the user cache under a key of its sources, headers, flags and
// compiler, and published with one rename so concurrent builds are safe.
// This finds it; the steps below compile and publish it when it is missing.
void find_runtime(const BuildContext& context, const Platform& target, TargetSupport& support) {
  support.glue_sources = runtime_sources(context, target);
  if (support.glue_sources.empty()) {
    context.diagnostics.error({}, "no runtime glue found in " + context.toolchain().layout.runtime_dir().string());
    return;
  }
  support.glue_key =
      runtime_key(context, target, support.glue_sources, compiler_identity(context.runner, context.toolchain()));
  fs::path dir = user_cache_dir() / "runtime" / (to_string(target) + "-" + support.glue_key.substr(0, 32));
  for (const fs::path& source : support.glue_sources) {
    fs::path object = dir / (source.filename().string() + ".o");
    std::string folder = source.parent_path().filename().string();
    support.all_objects.push_back(object);
    if (folder == "optional" || folder == "al2") {
      (folder == "al2" ? support.al2_objects : support.optional_objects).push_back(object);
      continue;
    }
    support.glue_objects.push_back(object);
    if (folder == "shims") support.shim_objects.push_back(object);
  }
  std::error_code ec;
  support.glue_ok = fs::is_directory(dir, ec) && glue_is_intact(context, dir, support);
  if (support.glue_ok) return;
  support.glue_temp = dir;
  support.glue_temp += ".tmp-" + std::to_string(::getpid()) + "-" + to_string(target);
  fs::remove_all(support.glue_temp, ec);
  fs::create_directories(support.glue_temp, ec);
  if (ec) support.glue_compiled = false;
}

// Each glue object is also a store entry, so a machine whose user cache lacks
// the glue takes it from the store, and through it from the remote cache.
std::string glue_object_key(const TargetSupport& support, std::size_t i) {
  return combine_keys({"glue-object", support.glue_key, support.all_objects[i].filename().string()});
}

// One glue source into the private temporary folder: from the store, else compiled and stored.
void compile_runtime_source(const BuildContext& context, const Platform& target, TargetSupport& support,
                            std::size_t i) {
  if (support.glue_ok || !support.glue_compiled) return;
  const fs::path& source = support.glue_sources[i];
  fs::path object = support.glue_temp / support.all_objects[i].filename();
  std::string key = glue_object_key(support, i);
  if (materialize(context.store, key, object, fs::perms(0644))) {
    ++context.counters.runtime_hits;
    return;
  }
  UnitOptions options = sls_unit_options(context, target);
  options.project_root.clear();
  auto command = compile_command(context.toolchain(), options, source, object);
  ++context.counters.runtime_compiled;
  auto compiled = run_step(context, launched(context.toolchain(), command), {},
                           "the sls runtime glue (" + source.filename().string() + ") failed to compile")
                      ? read_file(object)
                      : Expected<std::string>(make_error(""));
  if (!compiled) support.glue_compiled = false;
  else context.store.put(key, *compiled);  // if this fails, the next machine only compiles it too
}

void publish_runtime(TargetSupport& support) {
  if (support.glue_ok || support.glue_temp.empty()) return;
  std::error_code ec;
  fs::path dir = support.all_objects.front().parent_path();
  if (support.glue_compiled && write_glue_digests(support.glue_temp, support))
    fs::rename(support.glue_temp, dir, ec);  // fails harmlessly when another build published it first
  support.glue_ok = support.glue_compiled && fs::is_directory(dir, ec);
  fs::remove_all(support.glue_temp, ec);
}

// The folder a step writes `file` into; false, with an error at `where`, when
// it cannot be made (a file in its place, no space, no inodes).
bool make_folder_for(const BuildContext& context, const fs::path& file, const std::string& where) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (!ec) return true;
  context.diagnostics.error({where, 0, 0}, "cannot create the folder " + file.parent_path().string() + ": " + ec.message(),
                            "hint: remove .sls/build (sls rebuilds it from its cache) and build again");
  return false;
}

StepCacheContext cache_context(const BuildContext& context) {
  return {context.store, context.hasher, compiler_identity(context.runner, context.toolchain()), context.layout().root};
}

// A function's unit compiled and linted in one parse, inside the lint engine
// (docs/lint.md, "One parse"). False when the engine declines it (a unit with
// errors among others): the compiler then runs as a process and says why.
bool compile_and_lint_unit(const BuildContext& context, const UnitOptions& options, CompiledUnit& unit,
                           const analyzers::LintOptions& lint) {
  const Toolchain& toolchain = context.toolchain();
  if (!toolchain.one_parse || !toolchain.compiler_launcher.empty()) return false;
  analyzers::CompileAndLintResult result =
      analyzers::compile_and_lint({build_lint_job(context, options, unit.source), unit.command}, lint);
  if (result.compiled) unit.lint_report = std::move(result.report);
  return result.compiled;
}

// Compiles one source unless the cache has its object; fills unit.key. With
// `lint`, the parse that compiles it may lint it too.
void compile_unit(const BuildContext& context, const UnitOptions& options, CompiledUnit& unit,
                  const std::string& failure, const analyzers::LintOptions* lint = nullptr) {
  CompileStepCache cache(cache_context(context));
  auto command = compile_command(context.toolchain(), options, unit.source, unit.object);
  unit.command = command;
  if ((unit.key = cache.lookup(command, unit.source, unit.object))) {
    ++context.counters.compile_hits;
    context.progress.skipped();
    return;
  }
  if (!make_folder_for(context, unit.object, unit.source)) return;
  ++context.counters.compiled;
  context.progress.started("compile", unit.source);
  const bool one_parse = lint && compile_and_lint_unit(context, options, unit, *lint);
  if (!one_parse && !run_step(context, launched(context.toolchain(), command), {unit.source, 0, 0}, failure,
                              options.target))
    return;
  // Only units that read nothing from outside the project are recorded (and so ever built into a bundle).
  auto depfile = read_file(unit.object.string() + ".d");
  CompileInputRules rules{context.layout().root, context.toolchain().layout.share_dir, command};
  if (!depfile || !check_compile_inputs(rules, unit.source, *depfile, context.diagnostics)) return;
  unit.key = cache.record(command, unit.source, unit.object);
  if (!unit.key)
    context.diagnostics.error({unit.source, 0, 0}, "cannot store the object of " + unit.source + " in the cache");
}

// A file in .sls/build carries a "FILE.key" stamp naming the store entry it holds.
// The stamp also records the file's sha256, checked through the remembered
// hashes (a changed file is re-hashed), so a file damaged in place is never
// taken for the entry: it is restored from the store or rebuilt.
bool holds_entry(const BuildContext& context, const fs::path& file, const std::string& key) {
  auto stamp = read_file(file.string() + ".key");
  if (!stamp) return false;
  std::size_t newline = stamp->find('\n');
  if (newline == std::string::npos || stamp->compare(0, newline, key) != 0) return false;
  auto digest = context.hasher.digest(file);
  return digest && digest->hash == stamp->substr(newline + 1);
}

Status stamp_entry(const BuildContext& context, const fs::path& file, const std::string& key) {
  context.hasher.forget(file);  // just written: what this build knew of it is out of date
  auto digest = context.hasher.digest(file);
  if (!digest) return make_error("cannot read " + file.string());
  return write_file_atomically(file.string() + ".key", key + "\n" + digest->hash, fs::perms(0644));
}

// The prelude (runtime/prelude/prelude.hpp) precompiled for this target and
// these flags: a cached step like any compile, kept on disk for the compiles
// and the lint that start from it. Without it functions compile as before.
void prepare_prelude(const BuildContext& context, const Platform& target, TargetSupport& support) {
  fs::path header = context.toolchain().layout.runtime_dir() / "prelude" / "prelude.hpp";
  fs::path pch = target_dir(context, target) / "prelude.pch";
  std::error_code ec;
  // Under a compiler launcher nothing starts from the prelude (docs/configuration.md):
  // a launcher may rewrite the command line (distcc adds its own -target), and a
  // PCH is refused by any other command line, the analyzers' included; distcc
  // cannot ship a PCH to its servers and ccache does not cache compiles using one.
  if (!context.toolchain().compiler_launcher.empty()) return;
  if (!fs::is_regular_file(header, ec)) return;
  auto command = prelude_command(context.toolchain(), sls_unit_options(context, target), header, pch);
  CompileStepCache cache(cache_context(context));
  auto key = cache.lookup(command, header.string(), pch);
  if (!key) {
    fs::create_directories(pch.parent_path(), ec);
    ++context.counters.compiled;
    auto result = context.runner.run({command, std::nullopt, {}, context.layout().root});
    if (!result || result->exit_code != 0) {
      context.diagnostics.warning({header.string(), 0, 0},
                                  "the prelude did not precompile; functions are compiled without it",
                                  result ? result->stderr_data : result.error().message);
      return;
    }
    key = cache.record(command, header.string(), pch);
  }
  if (key &&
      (holds_entry(context, pch, *key) || (materialize(context.store, *key, pch, fs::perms(0644)) && stamp_entry(context, pch, *key))))
    support.prelude_pch = pch;
  // Storing or restoring the PCH held it whole in memory, raw and compressed
  // (about 18 MiB). glibc keeps such freed heap resident (its mmap threshold
  // rises after the first large free), and the sls process would carry it
  // beside every compile of the build: measured, 31 instead of 3 MiB of heap
  // while the runtime glue compiles. Given back here, once per target.
  ::malloc_trim(0);
}

// The prelude a function's source starts from, if it can (see can_use_prelude).
fs::path prelude_for(const BuildContext& context, const TargetSupport& support, const std::string& source,
                     const UnitOptions& options) {
  if (support.prelude_pch.empty() || changes_compiles(options.build)) return {};
  auto text = read_file(context.layout().root / source);
  return text && can_use_prelude(source, *text) ? support.prelude_pch : fs::path();
}

// Objects from cache hits exist only in the store until a link needs them.
// The store discards an entry that fails its checksum; the object is then
// compiled again into place and stored under the same key (the same inputs
// give the same object), with one warning, instead of failing the function.
bool recompile_damaged(const BuildContext& context, const CompiledUnit& unit) {
  context.diagnostics.warning({unit.source, 0, 0}, "the cached object of " + unit.source +
                                                       " was damaged and has been discarded; compiling it again");
  if (!make_folder_for(context, unit.object, unit.source)) return false;
  ++context.counters.compiled;
  if (!run_step(context, launched(context.toolchain(), unit.command), {unit.source, 0, 0},
                "'" + unit.source + "' failed to compile"))
    return false;
  auto bytes = read_file(unit.object);
  Status kept = bytes ? context.store.put(*unit.key, *bytes) : Status(bytes.error());
  if (kept) kept = stamp_entry(context, unit.object, *unit.key);
  if (!kept) context.diagnostics.error({unit.source, 0, 0}, "cannot keep the object of " + unit.source + ": " + kept.error().message);
  return static_cast<bool>(kept);
}

bool ensure_object(const BuildContext& context, const CompiledUnit& unit) {
  if (holds_entry(context, unit.object, *unit.key)) return true;
  if (materialize(context.store, *unit.key, unit.object, fs::perms(0644)) && stamp_entry(context, unit.object, *unit.key))
    return true;
  return recompile_damaged(context, unit);
}

void plan_lib(const BuildContext& context, const Platform& target, TargetSupport& support) {
  for (const std::string& source : context.layout().lib_sources)
    support.lib_units.push_back({source, object_path(context, target, source), std::nullopt});
}

// One key for every lib/ object together, once they are compiled.
void key_lib(TargetSupport& support) {
  std::vector<std::string> keys = {"lib"};
  for (const CompiledUnit& unit : support.lib_units) keys.push_back(unit.key.value_or("failed:" + unit.source));
  support.lib_key = combine_keys(keys);
}

// The lib/ archive, made once per build and only if some function must be linked.
std::optional<fs::path> lib_archive(const BuildContext& context, const Platform& target, TargetSupport& support) {
  std::call_once(support.archive_once, [&] {
    std::vector<fs::path> objects;
    for (const CompiledUnit& unit : support.lib_units) {
      if (unit.key && ensure_object(context, unit)) objects.push_back(unit.object);
    }
    if (objects.empty()) return;
    fs::path archive = target_dir(context, target) / "liblib.a";
    std::error_code ec;
    fs::remove(archive, ec);  // llvm-ar appends to an existing archive
    if (run_step(context, archive_command(context.toolchain(), objects, archive), {"lib", 0, 0},
                 "cannot archive lib/ objects"))
      support.lib_archive = archive;
  });
  return support.lib_archive;
}

std::string artifact_name(Target target) { return target == Target::Native ? "bootstrap" : "function.wasm"; }

// The function's link: the target's, then the libraries its runtime needs named.
std::vector<std::string> function_link_command(const BuildContext& context, const PlannedFunction& planned,
                                               const std::vector<fs::path>& inputs, const fs::path& output) {
  std::vector<std::string> command = link_command(context.toolchain(), planned.platform(), context.optimize(), inputs,
                                                  output, planned.link_libraries, &planned.build);
  std::vector<std::string> runtime_flags = runtime_link_flags(planned.runtime());
  command.insert(command.end(), runtime_flags.begin(), runtime_flags.end());
  return command;
}

// The link's identity: its flags, every input's key, and for wasm whether
// wasm-opt will post-process the module.
std::string link_key(const BuildContext& context, const PlannedFunction& planned,
                     const std::vector<CompiledUnit>& units, const TargetSupport& support) {
  std::vector<std::string> parts = {"link", compiler_identity(context.runner, context.toolchain())};
  for (const std::string& arg : function_link_command(context, planned, {}, "out")) parts.push_back(arg);
  parts.push_back(planned.runtime());  // provided.al2 links runtime/al2/ too
  for (const CompiledUnit& unit : units) parts.push_back(*unit.key);
  parts.push_back(support.lib_key);
  parts.push_back(support.glue_key);
  if (planned.target == Target::Wasm) parts.push_back(find_on_path("wasm-opt").value_or("no wasm-opt").string());
  return combine_keys(parts);
}

// SLS_HANDLER functions get the glue; one that brings its own main gets only
// the glibc shims; one with neither (or both) is refused before it links.
std::optional<std::vector<fs::path>> runtime_objects_for(const BuildContext& context, const PlannedFunction& planned,
                                                         const std::vector<fs::path>& objects,
                                                         const TargetSupport& support) {
  SourceLocation where{planned.source->entry, 0, 0};
  auto listed = context.runner.run(
      {defined_symbols_command(context.toolchain(), objects), std::nullopt, {}, context.layout().root});
  if (!listed || listed->exit_code != 0) {
    context.diagnostics.error(where, "cannot list the symbols of function '" + planned.name() + "'",
                              listed ? listed->stderr_data : listed.error().message);
    return std::nullopt;
  }
  EntryPoint entry = entry_point_from_symbols(listed->stdout_data);
  std::vector<fs::path> chosen = entry == EntryPoint::SlsHandler ? support.glue_objects : support.shim_objects;
  if (links_libcurl(planned.link_libraries, &planned.build))  // see runtime/optional/curl_ca_bundle.cpp
    for (const fs::path& object : support.optional_objects)
      if (object.filename().string().rfind("curl_", 0) == 0) chosen.push_back(object);
  if (planned.runtime() == "provided.al2") chosen.insert(chosen.end(), support.al2_objects.begin(), support.al2_objects.end());
  if (entry == EntryPoint::SlsHandler || entry == EntryPoint::OwnMain) return chosen;
  context.diagnostics.error(where, entry_point_problem(entry, planned.name()),
                            entry_point_hint(entry, is_c_source(planned.source->entry)));
  return std::nullopt;
}

// What runs for a link: the driver's command, or with the one parse the
// linker that driver would run, worked out in the lint engine (docs/lint.md,
// "One parse"): a link is then one process instead of two.
std::vector<std::string> link_process_command(const BuildContext& context, std::vector<std::string> driver_command) {
  if (!context.toolchain().one_parse) return driver_command;
  analyzers::LinkerCommand linker = analyzers::linker_command(driver_command, context.layout().root.string());
  if (linker.command.empty()) return driver_command;
  ++context.counters.linked_directly;
  return std::move(linker.command);
}

// Runs the linker (and the wasm finishing steps) and stores the result; false on failure.
bool link_function(const BuildContext& context, const PlannedFunction& planned, const std::vector<CompiledUnit>& units,
                   TargetSupport& support, const fs::path& output) {
  const FunctionSource& function = *planned.source;
  std::vector<fs::path> inputs;
  for (const CompiledUnit& unit : units) {
    if (!ensure_object(context, unit)) return false;
    inputs.push_back(unit.object);
  }
  auto runtime_objects = runtime_objects_for(context, planned, inputs, support);
  if (!runtime_objects) return false;
  if (auto archive = lib_archive(context, planned.platform(), support)) inputs.push_back(*archive);
  inputs.insert(inputs.end(), runtime_objects->begin(), runtime_objects->end());
  if (!make_folder_for(context, output, function.entry)) return false;
  ++context.counters.linked;
  context.progress.started("link", function.name);
  auto result = context.runner.run({link_process_command(context, function_link_command(context, planned, inputs, output)),
                                    std::nullopt,
                                    {},
                                    context.layout().root});
  if (!result || result->exit_code != 0) {
    std::string output_text = result ? result->stderr_data + result->stdout_data : result.error().message;
    context.diagnostics.error({function.entry, 0, 0}, "function '" + function.name + "' failed to link", output_text);
    explain_wasm_failure(context, planned.target, output_text, {function.entry, 0, 0});
    return false;
  }
  // wasm: wasm-opt when installed, then the checks a prebuilt module gets.
  return planned.target != Target::Wasm ||
         finish_linked_module(output, context.optimize(), context.runner, context.diagnostics, {function.entry, 0, 0});
}

// The linker's --why-extract report (which lib/ members it took) travels with
// the executable through the store, so a restored executable is described
// exactly like a freshly linked one and never by a stale report left beside it.
std::string link_report_key(const std::string& link_key) { return combine_keys({"why-extract", link_key}); }

void keep_link_report(const BuildContext& context, const std::string& link_key, const fs::path& output) {
  if (auto report = read_file(why_extract_path(output))) context.store.put(link_report_key(link_key), *report);
}

// Replaced in one rename, so a concurrent build never reads half a report.
void restore_link_report(const BuildContext& context, const std::string& link_key, const fs::path& output) {
  std::error_code ec;
  if (auto report = context.store.get(link_report_key(link_key)))
    write_file_atomically(why_extract_path(output), *report, fs::perms(0644));
  else
    fs::remove(why_extract_path(output), ec);
}

// Links into private file names, then renames the report and the executable
// into place: the linker writes its report in place, and a build running at
// the same time must never read a half-written one.
bool link_in_private(const BuildContext& context, const PlannedFunction& planned,
                     const std::vector<CompiledUnit>& units, TargetSupport& support, const fs::path& output) {
  fs::path linked = output;
  linked += ".tmp-" + std::to_string(::getpid());
  bool ok = link_function(context, planned, units, support, linked);
  std::error_code ec;
  if (ok) {
    fs::rename(why_extract_path(linked), why_extract_path(output), ec);
    if (ec) fs::remove(why_extract_path(output), ec);  // no report: none beside the executable either
    fs::rename(linked, output, ec);
    if (ec)
      context.diagnostics.error({planned.source->entry, 0, 0},
                                "cannot put the linked executable in place: " + ec.message());
    ok = !ec;
  }
  fs::remove(linked, ec);
  fs::remove(why_extract_path(linked), ec);
  return ok;
}

// One function on its way through the stage: its units, then its executable.
struct FunctionInProgress {
  const PlannedFunction& planned;
  std::vector<CompiledUnit> units;
  BuiltFunction built;
};

// An arm64 function's `link` libraries must exist for arm64: the host's
// x86_64 copies cannot be linked into it, and without this check the first
// sign would be a header or -l error from the cross compiler.
bool arm64_libraries_present(const BuildContext& context, const PlannedFunction& planned) {
  if (!planned.platform().is_native_arm64()) return true;
  std::vector<fs::path> dirs(planned.build.lib_dirs.begin(), planned.build.lib_dirs.end());
  for (const fs::path& dir : arm64_library_dirs(context.toolchain().arm64_sysroot)) dirs.push_back(dir);
  bool ok = true;
  for (const std::string& library : planned.link_libraries) {
    std::error_code ec;
    bool found = std::any_of(dirs.begin(), dirs.end(), [&](const fs::path& dir) {
      return fs::exists(dir / ("lib" + library + ".so"), ec) || fs::exists(dir / ("lib" + library + ".a"), ec);
    });
    if (found) continue;
    std::string looked;
    for (const fs::path& dir : dirs) looked += (looked.empty() ? "" : ", ") + dir.string();
    context.diagnostics.error(planned.settings_location,
                              "function '" + planned.name() + "' links \"" + library +
                                  "\" for arm64, but no arm64 lib" + library + " is on this machine (looked in " +
                                  looked + ")",
                              "hint: install the library's arm64 package (on Debian: dpkg --add-architecture arm64, "
                              "apt-get update, apt-get install lib" + library + "-dev:arm64), or set arch = \"x86_64\" "
                              "for this function (docs/targets.md)");
    ok = false;
  }
  return ok;
}

void compile_function(const BuildContext& context, FunctionInProgress& function, const TargetSupport& support) {
  const FunctionSource& source_set = *function.planned.source;
  if (!arm64_libraries_present(context, function.planned)) return;
  const analyzers::LintOptions lint =
      lint_options_for_function(context.project.lint_options, context.project.config.lint, function.planned);
  for (const std::string& source : source_set.sources) {
    function.units.push_back({source, object_path(context, function.planned.platform(), source), std::nullopt});
    CompiledUnit& unit = function.units.back();
    UnitOptions options = unit_options(context, function.planned.platform(), &function.planned);
    options.prelude_pch = prelude_for(context, support, source, options);
    compile_unit(context, options, unit, "function '" + source_set.name + "' failed to compile", &lint);
    if (unit.key) function.built.units.push_back({source, *unit.key, options.prelude_pch, std::move(unit.lint_report)});
  }
}

void link_compiled_function(const BuildContext& context, FunctionInProgress& function, TargetSupport& support) {
  const PlannedFunction& planned = function.planned;
  BuiltFunction& built = function.built;
  bool compiled = built.units.size() == planned.source->sources.size();
  if (!compiled || !support.glue_ok) return;
  std::string key = link_key(context, planned, function.units, support);
  fs::path output =
      target_dir(context, planned.platform()) / "out" / planned.source->name / artifact_name(planned.target);
  if (holds_entry(context, output, key)) {
    ++context.counters.link_hits;
    context.progress.skipped();
  } else if (context.store.contains(key) && materialize(context.store, key, output, fs::perms(0755))) {
    ++context.counters.link_hits;
    context.progress.skipped();
    restore_link_report(context, key, output);
    if (!stamp_entry(context, output, key)) return;
  } else {
    auto bytes = link_in_private(context, planned, function.units, support, output)
                     ? read_file(output)
                     : Expected<std::string>(make_error(""));
    // The report first: a concurrent build that finds the executable must also find its report.
    if (bytes) keep_link_report(context, key, output);
    if (!bytes || !context.store.put(key, *bytes) || !stamp_entry(context, output, key)) return;
  }
  built.artifact = output;
  built.artifact_key = key;
}

}  // namespace

struct CompileStage::State {
  std::map<Platform, TargetSupport> supports;             // once_flag, atomics: constructed in place, never copied
  std::map<std::size_t, FunctionInProgress> functions;  // by plan index; only functions that compile
  // Per target: the prelude's step, and the steps every link waits for (glue, lib/).
  std::map<Platform, std::pair<TaskGraph::TaskId, std::vector<TaskGraph::TaskId>>> target_steps;
  std::map<std::size_t, TaskGraph::TaskId> compiled, linked;  // by plan index
};

CompileStage::CompileStage(const BuildContext& context) : m_context(context), m_state(std::make_unique<State>()) {
  const std::vector<PlannedFunction>& plan = context.project.plan;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (!plan[i].compiles()) continue;
    m_state->supports.try_emplace(plan[i].platform());
    m_state->functions.try_emplace(i, FunctionInProgress{plan[i], {}, {&plan[i], std::nullopt, {}, {}}});
  }
}

CompileStage::~CompileStage() = default;

// Per target: the prelude, the glue and lib/ compile side by side.
void CompileStage::add_target_steps(TaskGraph& graph) {
  const BuildContext& context = m_context;
  for (auto& [target, support] : m_state->supports) {
    const Platform& t = target;
    TargetSupport& s = support;
    find_runtime(context, t, s);
    plan_lib(context, t, s);
    TaskGraph::TaskId prelude = graph.add([&context, t, &s] { prepare_prelude(context, t, s); }, {}, "the prelude");
    std::vector<TaskGraph::TaskId> glue, lib;
    for (std::size_t i = 0; i < s.glue_sources.size(); ++i)
      glue.push_back(graph.add([&context, t, &s, i] { compile_runtime_source(context, t, s, i); }, {},
                               "the sls runtime glue"));
    for (CompiledUnit& unit : s.lib_units)
      lib.push_back(graph.add(
          [&context, t, &unit] {
            compile_unit(context, unit_options(context, t, nullptr), unit, "lib source failed to compile");
          },
          {}, unit.source));
    TaskGraph::TaskId published = graph.add([&s] { publish_runtime(s); }, glue, "the sls runtime glue");
    TaskGraph::TaskId lib_keyed = graph.add([&s] { key_lib(s); }, lib, "lib/");
    m_state->target_steps[t] = {prelude, {published, lib_keyed}};
  }
}

// A function compiles once its target's prelude is ready, and links once its
// own units, the glue and lib/ are.
void CompileStage::add_function_steps(TaskGraph& graph, std::size_t i) {
  const BuildContext& context = m_context;
  FunctionInProgress& function = m_state->functions.at(i);
  TargetSupport& s = m_state->supports.at(function.planned.platform());
  const auto& [prelude, link_inputs] = m_state->target_steps.at(function.planned.platform());
  const std::string& entry = function.planned.source->entry;
  TaskGraph::TaskId compiled =
      graph.add([&context, &function, &s] { compile_function(context, function, s); }, {prelude}, entry);
  std::vector<TaskGraph::TaskId> after = link_inputs;
  after.push_back(compiled);
  m_state->compiled[i] = compiled;
  m_state->linked[i] =
      graph.add([&context, &function, &s] { link_compiled_function(context, function, s); }, after, entry);
}

TaskGraph::TaskId CompileStage::compiled_step(std::size_t i) const { return m_state->compiled.at(i); }
TaskGraph::TaskId CompileStage::linked_step(std::size_t i) const { return m_state->linked.at(i); }
const BuiltFunction& CompileStage::built(std::size_t i) const { return m_state->functions.at(i).built; }

std::size_t CompileStage::step_count() const {
  std::size_t steps = m_state->supports.size() * m_context.layout().lib_sources.size();
  for (const auto& [index, function] : m_state->functions) steps += function.planned.source->sources.size() + 1;
  return steps;
}

// The compiler binary as the file system sees it: resolved path, size, mtime, inode.
std::string compiler_stat(const std::string& compiler) {
  auto path = find_on_path(compiler);
  std::error_code ec;
  fs::path resolved = path ? fs::canonical(*path, ec) : fs::path();
  struct stat info{};
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

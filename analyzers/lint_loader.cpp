// analyzers::lint() as the sls executable sees it: a thin loader for the lint
// engine (see lint_engine.hpp for why the engine is a separate library).
//
// On the first call with work to do, and only once per process whatever the
// number of threads (std::call_once), the engine is found and dlopen()ed:
//   1. an engine already in the process (a test that links it directly);
//   2. $SLS_LINT_ENGINE, else lib/sls/ beside the executable (build tree),
//      else ../lib/sls/ (installed) — core/install_layout.cpp.
// Its entry point describes it; an engine from another build is refused. When
// anything fails, every call returns a report with one failure naming the
// engine's path and the loader's message, so `sls lint` exits 2 and says why.
// The library is never unloaded.

#include <dlfcn.h>

#include <cstring>
#include <mutex>
#include <string>

#include "analyzers/lint.hpp"
#include "analyzers/lint_engine.hpp"
#include "core/install_layout.hpp"

namespace sls::analyzers {
namespace {

struct LoadedEngine {
  LintFunction lint = nullptr;
  CompileAndLintFunction compile_and_lint = nullptr;
  LinkerCommandFunction linker_command = nullptr;
  std::string path;   // what was loaded, or tried
  std::string error;  // why it cannot be used; empty when `lint` is set
};

std::string last_dl_error() {
  const char* message = dlerror();
  return message ? message : "unknown error";
}

bool same_build(const LintEngine& engine, const LintEngine& expected) {
  return engine.abi_version == expected.abi_version && engine.sls_version &&
         std::strcmp(engine.sls_version, expected.sls_version) == 0 && engine.job_size == expected.job_size &&
         engine.options_size == expected.options_size && engine.report_size == expected.report_size &&
         engine.finding_size == expected.finding_size && engine.fingerprint &&
         std::strcmp(engine.fingerprint, expected.fingerprint) == 0 && engine.lint;
}

// The fingerprint hashes the analyzers' sources: two builds of one version
// differ there when one was rebuilt from edited sources.
std::string short_fingerprint(const char* fingerprint) {
  return fingerprint && *fingerprint ? std::string(fingerprint).substr(0, 12) : "?";
}

std::string engine_identity(const LintEngine* engine) {
  if (!engine) return "the engine describes no build";
  std::string identity = std::string("engine ") + (engine->sls_version ? engine->sls_version : "?");
  // An engine of another interface may not have the later fields at all.
  if (engine->abi_version != k_lint_engine_abi) return identity + ", interface " + std::to_string(engine->abi_version);
  return identity + " from sources " + short_fingerprint(engine->fingerprint);
}

LoadedEngine load_engine() {
  LoadedEngine loaded;
  void* handle = dlopen(k_lint_engine_file, RTLD_NOW | RTLD_NOLOAD);
  if (handle) {
    loaded.path = k_lint_engine_file;
  } else {
    auto path = find_lint_engine(k_lint_engine_file);
    if (!path) {
      loaded.error = path.error().message;
      return loaded;
    }
    loaded.path = path->string();
    handle = dlopen(path->c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      loaded.error = "cannot load the lint engine " + loaded.path + ": " + last_dl_error();
      return loaded;
    }
  }
  dlerror();
  auto entry = reinterpret_cast<LintEngineEntry>(dlsym(handle, k_lint_engine_entry));
  if (!entry) {
    loaded.error = "the lint engine " + loaded.path + " has no " + k_lint_engine_entry + ": " + last_dl_error();
    return loaded;
  }
  const LintEngine* engine = entry();
  if (!engine || !same_build(*engine, expected_lint_engine(SLS_VERSION))) {
    loaded.error = "the lint engine " + loaded.path + " comes from another build of sls (" +
                   engine_identity(engine) + ", this sls " + SLS_VERSION + " from sources " +
                   short_fingerprint(k_lint_engine_fingerprint) + "); reinstall sls or set SLS_LINT_ENGINE";
    return loaded;
  }
  loaded.lint = engine->lint;
  loaded.compile_and_lint = engine->compile_and_lint;
  loaded.linker_command = engine->linker_command;
  return loaded;
}

const LoadedEngine& engine() {
  static std::once_flag once;
  static LoadedEngine loaded;
  std::call_once(once, [] { loaded = load_engine(); });
  return loaded;
}

}  // namespace

LintReport lint(const std::vector<LintJob>& jobs, const LintOptions& options) {
  if (jobs.empty()) return {};  // nothing to analyse: no reason to load Clang
  const LoadedEngine& loaded = engine();
  if (loaded.lint) return loaded.lint(jobs, options);
  LintReport report;
  report.failures.push_back({loaded.path.empty() ? std::string(k_lint_engine_file) : loaded.path, loaded.error});
  return report;
}

CompileAndLintResult compile_and_lint(const CompileAndLintJob& job, const LintOptions& options) {
  const LoadedEngine& loaded = engine();
  if (loaded.compile_and_lint) return loaded.compile_and_lint(job, options);
  CompileAndLintResult result;
  result.declined = loaded.error.empty() ? "the lint engine cannot compile" : loaded.error;
  return result;
}

LinkerCommand linker_command(const std::vector<std::string>& driver_command, const std::string& directory) {
  const LoadedEngine& loaded = engine();
  if (loaded.linker_command) return loaded.linker_command(driver_command, directory);
  LinkerCommand result;
  result.declined = loaded.error.empty() ? "the lint engine cannot work out links" : loaded.error;
  return result;
}

}  // namespace sls::analyzers

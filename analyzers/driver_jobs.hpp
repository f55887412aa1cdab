#pragma once
// Inside the lint engine: clang's driver, as the clang executable runs it, for
// a command line sls would give that executable. The one parse takes a
// compile's "-cc1" job from it (compile_and_lint.cpp), a link its linker job
// (linker_command.cpp).

#include <memory>
#include <string>
#include <vector>

#include "clang/Basic/Diagnostic.h"
#include "clang/Driver/Compilation.h"
#include "clang/Driver/Driver.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace sls::analyzers {

// The clang executable finds its own headers and libraries from where it
// really is (/proc/self/exe), not from the symlink it was called by. Empty
// when `invoked` cannot be found.
std::string real_compiler_path(const std::string& invoked);

// True when `invoked` is the clang the engine's libraries are (SLS_ENGINE_CLANG):
// only its driver and code generator are the ones in this process.
bool is_engine_compiler(const std::string& invoked);

// The jobs the driver would run for `command` (compiler first), with relative
// paths resolved in `files`' working directory. The compilation refers to the
// driver and to the argument strings, so they are kept together (the caller
// keeps `command`).
struct DriverJobs {
  std::unique_ptr<std::string> name_target;  // a target named by the compiler's name ("x86_64-linux-gnu-clang")
  std::unique_ptr<clang::driver::Driver> driver;
  std::unique_ptr<clang::driver::Compilation> compilation;

  // The one job, when the command makes exactly one and without errors.
  const clang::driver::Command* single_job() const;
};

DriverJobs driver_jobs(const std::vector<std::string>& command, const std::string& compiler,
                       llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files, clang::DiagnosticsEngine& diagnostics);

}  // namespace sls::analyzers

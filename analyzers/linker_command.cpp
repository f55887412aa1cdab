// A function's link without the compiler driver's process (`sls build`,
// docs/lint.md "One parse"): `clang++ ... -o bootstrap` is a process that
// works out the linker's command line and runs ld.lld as a second process,
// waiting on it with the compiler's libraries mapped (about 70 MiB each, as
// much as the linker's own memory). The engine, which has the same driver
// already loaded, works the command out here and sls runs the linker alone:
// the same program with the same arguments from the same folder, so the
// same executable. Anything but a single linker job is declined (the
// caller then runs the driver as before).

#include "analyzers/driver_jobs.hpp"
#include "analyzers/lint_engine.hpp"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Driver/Job.h"
#include "clang/Driver/Tool.h"
#include "llvm/Support/Program.h"

namespace sls::analyzers {

LinkerCommand linker_command_in_process(const std::vector<std::string>& driver_command, const std::string& directory) {
  LinkerCommand result;
  if (driver_command.empty() || !is_engine_compiler(driver_command.front())) {
    result.declined = "the link's compiler is not the engine's, " SLS_ENGINE_CLANG;
    return result;
  }
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files(llvm::vfs::createPhysicalFileSystem().release());
  if (!directory.empty() && files->setCurrentWorkingDirectory(directory)) {
    result.declined = "cannot enter " + directory;
    return result;
  }
  clang::IgnoringDiagConsumer ignored;  // a driver error declines; the driver process then reports it
  clang::DiagnosticsEngine diagnostics(llvm::makeIntrusiveRefCnt<clang::DiagnosticIDs>(),
                                       llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>(), &ignored, false);
  DriverJobs jobs = driver_jobs(driver_command, real_compiler_path(driver_command.front()), files, diagnostics);
  const clang::driver::Command* job = jobs.single_job();
  if (!job || diagnostics.hasErrorOccurred() || !job->getCreator().isLinkJob()) {
    result.declined = "the driver does not make this command a single link";
    return result;
  }
  // The driver would pass a longer line through a response file.
  if (!llvm::sys::commandLineFitsWithinSystemLimits(job->getExecutable(), job->getArguments())) {
    result.declined = "the linker's command line is too long for one process";
    return result;
  }
  result.command.push_back(job->getExecutable());
  result.command.insert(result.command.end(), job->getArguments().begin(), job->getArguments().end());
  return result;
}

}  // namespace sls::analyzers

#include "analyzers/driver_jobs.hpp"

#include "clang/Driver/Job.h"
#include "clang/Driver/ToolChain.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/TargetParser/Host.h"

namespace sls::analyzers {

std::string real_compiler_path(const std::string& invoked) {
  std::string found = invoked;
  if (invoked.find('/') == std::string::npos) {
    auto in_path = llvm::sys::findProgramByName(invoked);
    if (!in_path) return {};
    found = *in_path;
  }
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(found, real)) return {};
  return std::string(real);
}

bool is_engine_compiler(const std::string& invoked) {
  const std::string compiler = real_compiler_path(invoked);
  return !compiler.empty() && compiler == real_compiler_path(SLS_ENGINE_CLANG);
}

const clang::driver::Command* DriverJobs::single_job() const {
  if (!compilation || compilation->containsError() || compilation->getJobs().size() != 1) return nullptr;
  return &*compilation->getJobs().begin();
}

DriverJobs driver_jobs(const std::vector<std::string>& command, const std::string& compiler,
                       llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files, clang::DiagnosticsEngine& diagnostics) {
  DriverJobs jobs;
  jobs.driver = std::make_unique<clang::driver::Driver>(compiler, llvm::sys::getDefaultTargetTriple(), diagnostics,
                                                        "clang LLVM compiler", files);
  // The name called sets the mode (clang++ links the C++ standard library,
  // clang does not) and may carry a target: as the clang executable does, both
  // go in as the first arguments, where the command line can override them.
  const clang::driver::ParsedClangName name =
      clang::driver::ToolChain::getTargetAndModeFromProgramName(command.front());
  jobs.driver->setTargetAndMode(name);
  std::vector<const char*> argv = {command.front().c_str()};
  if (name.TargetIsValid) {
    jobs.name_target = std::make_unique<std::string>(name.TargetPrefix);
    argv.insert(argv.end(), {"-target", jobs.name_target->c_str()});
  }
  if (name.DriverMode) argv.push_back(name.DriverMode);
  for (std::size_t i = 1; i < command.size(); ++i) argv.push_back(command[i].c_str());
  jobs.compilation.reset(jobs.driver->BuildCompilation(argv));
  return jobs;
}

}  // namespace sls::analyzers

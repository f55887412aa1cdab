// One parse per unit for `sls build`: the compile command runs in the engine,
// through the same driver and code generator as the clang executable, and the
// checks run over the AST the code generator is given (docs/lint.md, "One
// parse"). The object and its dependency file come out byte for byte as the
// clang executable writes them; a test holds that.
//
// Anything this path does not reproduce exactly is declined rather than
// approximated, and the caller then runs the compiler as a process: another
// compiler than the clang the engine is built from, another target than the
// host's (wasm32, arm64), a command that is not a single compile, -mllvm options (they set process-wide LLVM
// state), plugins, or a unit with errors (the process reports them as users
// know them).

#include <memory>
#include <mutex>

#include "analyzers/driver_jobs.hpp"
#include "analyzers/lint_engine.hpp"
#include "analyzers/lint_unit.hpp"
#include "clang/CodeGen/CodeGenAction.h"
#include "clang/Driver/Job.h"
#include "clang/Driver/Tool.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

namespace sls::analyzers {
namespace {

// The code generator needs the host's back end, which a syntax-only lint never did.
void initialise_host_target() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
  });
}

// The checks first: the code generator frees the AST before its back end
// runs (-clear-ast-before-backend), and the checks leave it as they found it.
class CompileAndLintAction : public clang::EmitObjAction {
public:
  CompileAndLintAction(const LintJob& job, UnitResult& result) : m_job(job), m_result(result) {}

protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance& compiler,
                                                        llvm::StringRef file) override {
    auto generator = clang::EmitObjAction::CreateASTConsumer(compiler, file);
    if (!generator) return nullptr;
    std::vector<std::unique_ptr<clang::ASTConsumer>> consumers;
    consumers.push_back(std::make_unique<LintConsumer>(m_job, m_result));
    consumers.push_back(std::move(generator));
    return std::make_unique<clang::MultiplexConsumer>(std::move(consumers));
  }

private:
  const LintJob& m_job;
  UnitResult& m_result;
};

// The driver's one job for a compile line: "-cc1" and its arguments. Empty
// when the line is anything else (several jobs, an external tool).
std::vector<std::string> cc1_arguments(const std::vector<std::string>& command, const std::string& compiler,
                                       llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files,
                                       clang::DiagnosticsEngine& diagnostics) {
  DriverJobs jobs = driver_jobs(command, compiler, files, diagnostics);
  const clang::driver::Command* job = jobs.single_job();
  if (!job || llvm::StringRef(job->getCreator().getName()) != "clang") return {};
  const auto& args = job->getArguments();
  if (args.empty() || llvm::StringRef(args.front()) != "-cc1") return {};
  return {args.begin() + 1, args.end()};
}

// What this path cannot reproduce in a shared process: declined.
std::string unsupported(const clang::CompilerInvocation& invocation) {
  const auto& frontend = invocation.getFrontendOpts();
  if (frontend.ProgramAction != clang::frontend::EmitObj) return "the command does not make an object";
  if (frontend.Inputs.size() != 1) return "the command compiles more than one input";
  if (!frontend.LLVMArgs.empty()) return "the command passes -mllvm options";
  // Measured: once the WebAssembly back end has run in a process, later
  // x86_64 objects of that process differ from the clang executable's. Only
  // the host's back end ever runs here; wasm and arm64 units use the process.
  if (llvm::Triple(invocation.getTargetOpts().Triple).getArch() !=
      llvm::Triple(llvm::sys::getDefaultTargetTriple()).getArch())
    return "the one parse compiles for the host's CPU only";
  if (!frontend.Plugins.empty() || !frontend.ActionName.empty() || !frontend.AddPluginActions.empty() ||
      !invocation.getCodeGenOpts().PassPlugins.empty())
    return "the command loads plugins";
  return {};
}

// The object is generated into memory and written here, not by the compiler
// instance: that one would register the file for removal on a signal, and
// LLVM would then install its own signal handlers over the process's and
// replace the thread's alternate signal stack (a sanitizer aborts when the
// thread ends and the stack is not the one it mapped). Written to a unique
// file beside it and renamed, as the clang executable does, without the fsync
// of sls's write_file_atomically (which the engine does not link: sls_core
// brings libcrypto), since the clang process it stands in for does not sync.
bool write_object(const std::string& path, llvm::StringRef bytes) {
  llvm::SmallString<256> temporary;
  int fd = -1;
  if (llvm::sys::fs::createUniqueFile(path + "-%%%%%%%%.tmp", fd, temporary)) return false;
  llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
  out << bytes;
  out.close();
  const bool written = !out.has_error();
  out.clear_error();  // a stream destroyed with an error still set aborts the process
  if (written && !llvm::sys::fs::rename(temporary, path)) return true;
  llvm::sys::fs::remove(temporary);
  return false;
}

std::unique_ptr<clang::CompilerInvocation> invocation_of(const std::vector<std::string>& cc1, const std::string& compiler,
                                                         clang::DiagnosticsEngine& diagnostics) {
  std::vector<const char*> argv;
  for (const std::string& arg : cc1) argv.push_back(arg.c_str());
  auto invocation = std::make_unique<clang::CompilerInvocation>();
  if (!clang::CompilerInvocation::CreateFromArgs(*invocation, argv, diagnostics, compiler.c_str())) return nullptr;
  // The clang executable leaks the AST and the code generator's module on
  // purpose as it exits (-disable-free); a build goes on, one unit after another.
  invocation->getFrontendOpts().DisableFree = false;
  invocation->getCodeGenOpts().DisableFree = false;
  return invocation;
}

// Runs the compile with the checks on its AST; the invocation is one unsupported() accepted.
void compile_with_checks(const CompileAndLintJob& job, const LintOptions& options,
                         std::unique_ptr<clang::CompilerInvocation> invocation,
                         llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files, UnitResult& unit,
                         ErrorCollector& errors, CompileAndLintResult& result) {
  clang::CompilerInstance compiler_instance;
  compiler_instance.setInvocation(std::move(invocation));
  compiler_instance.createDiagnostics(&errors, /*ShouldOwnClient=*/false);
  compiler_instance.createFileManager(files);
  compiler_instance.createSourceManager(compiler_instance.getFileManager());
  compiler_instance.setVerboseOutputStream(llvm::nulls());  // "1 error generated." is the process's to print
  const std::string object_path = compiler_instance.getFrontendOpts().OutputFile;
  llvm::SmallVector<char, 0> object;
  compiler_instance.setOutputStream(std::make_unique<llvm::raw_svector_ostream>(object));
  CompileAndLintAction action(job.unit, unit);
  const bool ok = compiler_instance.ExecuteAction(action);
  if (!ok || compiler_instance.getDiagnostics().hasErrorOccurred()) {
    result.declined = "the unit has errors";
    return;
  }
  if (object_path.empty() || object_path == "-" || !write_object(object_path, {object.data(), object.size()})) {
    result.declined = "cannot write the object " + object_path;
    return;
  }
  result.compiled = true;
  add_unit_to_report(job.unit, std::move(unit), options, result.report);
  sort_report(result.report);
}

}  // namespace

CompileAndLintResult compile_and_lint_in_process(const CompileAndLintJob& job, const LintOptions& options) {
  CompileAndLintResult result;
  if (job.compile_command.empty()) {
    result.declined = "no compile command";
    return result;
  }
  if (!is_engine_compiler(job.compile_command.front())) {
    result.declined = job.compile_command.front() + " is not the engine's compiler, " SLS_ENGINE_CLANG;
    return result;
  }
  initialise_host_target();
  // Relative paths of the command are the project's, whatever the process's own directory.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files(llvm::vfs::createPhysicalFileSystem().release());
  if (!job.unit.directory.empty() && files->setCurrentWorkingDirectory(job.unit.directory)) {
    result.declined = "cannot enter " + job.unit.directory;
    return result;
  }
  UnitResult unit;
  ErrorCollector errors(job.unit, unit);
  auto diagnostic_options = llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
  clang::DiagnosticsEngine diagnostics(llvm::makeIntrusiveRefCnt<clang::DiagnosticIDs>(), diagnostic_options, &errors,
                                       false);
  const std::string compiler = real_compiler_path(job.compile_command.front());
  std::vector<std::string> cc1 = cc1_arguments(job.compile_command, compiler, files, diagnostics);
  auto invocation = cc1.empty() ? nullptr : invocation_of(cc1, compiler, diagnostics);
  if (!invocation || diagnostics.hasErrorOccurred()) {
    result.declined = "the driver does not make this command a single compile";
    return result;
  }
  if (result.declined = unsupported(*invocation); !result.declined.empty()) return result;
  compile_with_checks(job, options, std::move(invocation), files, unit, errors, result);
  return result;
}

}  // namespace sls::analyzers

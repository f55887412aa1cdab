#include "analyzers/rules/exit_time_flush.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

constexpr int k_sigint = 2;
constexpr int k_sigterm = 15;

bool does_io(const clang::Stmt* body, int depth = 2);

// A call that writes somewhere: stdio, POSIX write/send, streams, a child
// process, or a helper whose name says flush/upload/send/write.
bool is_io_call(const clang::FunctionDecl& callee) {
  std::string name = qualified_name(callee);
  if (name_is_one_of(name, {"fflush", "fclose", "fwrite", "fputs", "fputc", "putc", "fprintf", "printf", "puts",
                            "write", "send", "sendto", "sendmsg", "curl_easy_perform", "fsync", "system",
                            "std::system", "popen"})) {
    return true;
  }
  if (name.starts_with("std::basic_ostream") || name.starts_with("std::operator<<")) return true;
  for (const auto& word : identifier_words(callee.getNameAsString())) {
    if (name_is_one_of(word, {"flush", "upload", "send", "write", "publish", "persist", "save", "ship"})) return true;
  }
  return false;
}

// A body that does I/O, directly or through the functions of this file it
// calls (`~Batch() { post(); }` with post() doing the HTTP request).
bool does_io(const clang::Stmt* body, int depth) {
  for (const auto* call : find_calls_any(body)) {
    const auto* callee = call->getDirectCallee();
    if (!callee) continue;
    if (is_io_call(*callee)) return true;
    const auto* definition = callee->getDefinition();
    if (depth > 0 && definition && definition->getBody() && !definition->isInStdNamespace() &&
        does_io(definition->getBody(), depth - 1)) {
      return true;
    }
  }
  return false;
}

// The destructor of `type` when it does I/O.
const clang::CXXDestructorDecl* io_destructor(clang::QualType type) {
  const auto* record = type->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition()) return nullptr;
  const auto* destructor = record->getDestructor();
  const auto* definition = destructor ? destructor->getDefinition() : nullptr;
  if (!definition || !definition->getBody() || !does_io(definition->getBody())) return nullptr;
  return llvm::cast<clang::CXXDestructorDecl>(definition);
}

}  // namespace

void ExitTimeFlushCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(
      callExpr(isExpansionInMainFile(),
               callee(functionDecl(hasAnyName("::atexit", "::at_quick_exit", "::std::atexit", "::std::at_quick_exit",
                                              "::signal", "::sigaction", "::std::signal"))))
          .bind("call"),
      this);
  finder.addMatcher(
      functionDecl(isExpansionInMainFile(), isDefinition(), hasAttr(clang::attr::Destructor)).bind("function"), this);
  finder.addMatcher(varDecl(isExpansionInMainFile(), hasGlobalStorage(), unless(parmVarDecl())).bind("var"), this);
}

void ExitTimeFlushCheck::check(const MatchFinder::MatchResult& result) {
  if (const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call")) {
    std::string name = callee_name(*call);
    if (name.find("atexit") != std::string::npos || name.find("at_quick_exit") != std::string::npos) {
      report(call->getBeginLoc(), "'" + name + "' handler may never run: the instance can be killed without exit");
      return;
    }
    clang::Expr::EvalResult signal_number;
    clang::Expr::EvalResult handler;
    if (call->getNumArgs() < 2 || !call->getArg(0)->EvaluateAsInt(signal_number, ast())) return;
    auto number = signal_number.Val.getInt().getExtValue();
    if (number != k_sigterm && number != k_sigint) return;
    if (name != "sigaction" && call->getArg(1)->IgnoreParenCasts()->EvaluateAsInt(handler, ast()))
      return;  // SIG_IGN/SIG_DFL
    report(call->getBeginLoc(), "SIGTERM/SIGINT handler may never run: shutdown can be an immediate SIGKILL");
    return;
  }
  if (const auto* function = result.Nodes.getNodeAs<clang::FunctionDecl>("function")) {
    if (does_io(function->getBody())) {
      report(function->getLocation(),
             "destructor function '" + function->getNameAsString() + "' does I/O at exit, which may never run");
    }
    return;
  }
  const auto* var = result.Nodes.getNodeAs<clang::VarDecl>("var");
  if (!is_defining_declaration(*var) || var->getType()->isReferenceType()) return;
  const auto* destructor = io_destructor(var->getType());
  auto& sources = ast().getSourceManager();
  if (destructor && sources.isInMainFile(destructor->getLocation())) {
    if (!m_reported.insert(destructor).second) return;  // one finding per destructor, however many globals
    auto* finding = report(destructor->getLocation(), "'" + var->getNameAsString() +
                                                          "' is destroyed at exit and this destructor does I/O, "
                                                          "which may never run");
    context().add_note(finding, var->getLocation(), "'" + var->getNameAsString() + "' declared here");
  } else if (destructor || type_mentions(var->getType(), {"basic_ofstream", "basic_fstream"})) {
    report(var->getLocation(), "'" + var->getNameAsString() +
                                   "' is destroyed at exit and its destructor does I/O, "
                                   "which may never run");
  }
}

}  // namespace sls::analyzers

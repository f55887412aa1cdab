#include "analyzers/rules/background_process.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

// A shell command that puts something in the background: a single '&' that
// is not part of '&&', or nohup/setsid.
bool backgrounds(std::string_view command) {
  for (size_t i = 0; i < command.size(); ++i) {
    if (command[i] != '&') continue;
    bool doubled = (i + 1 < command.size() && command[i + 1] == '&') || (i > 0 && command[i - 1] == '&');
    bool redirect = (i > 0 && (command[i - 1] == '>' || command[i - 1] == '<')) ||
                    (i + 1 < command.size() && command[i + 1] == '>');
    if (!doubled && !redirect) return true;
  }
  return command.find("nohup ") != std::string_view::npos || command.find("setsid ") != std::string_view::npos;
}

// The function waits, directly or through a helper of this translation unit.
bool waits_in(const clang::Stmt* body, std::initializer_list<std::string_view> waits) {
  if (!body) return false;
  if (!find_calls(body, waits).empty()) return true;
  for (const auto* call : find_calls_any(body)) {
    const auto* callee = call->getDirectCallee();
    const auto* definition = callee ? callee->getDefinition() : nullptr;
    if (definition && definition->getBody() && definition->getBody() != body &&
        !find_calls(definition->getBody(), waits).empty()) {
      return true;
    }
  }
  return false;
}

}  // namespace

void BackgroundProcessCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName("::fork", "::vfork", "::posix_spawn", "::posix_spawnp",
                                                            "::popen", "::system", "::daemon"))))
                        .bind("call"),
                    this);
}

void BackgroundProcessCheck::check(const MatchFinder::MatchResult& result) {
  const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  std::string name = callee_name(*call);
  const auto* body = model().enclosing_body(*call);
  if (name == "system") {
    auto command = call->getNumArgs() > 0 ? literal_text(call->getArg(0)) : std::nullopt;
    if (command && backgrounds(command->text)) {
      report(call->getBeginLoc(), "system() starts a background job that nobody waits for");
    }
  } else if (name == "popen") {
    const auto* stream = result_variable(*call, ast());
    bool closed = false;
    for (const auto* close : find_calls(body, {"pclose"})) {
      closed = closed || !stream || (close->getNumArgs() > 0 && mentions(close->getArg(0), *stream));
    }
    if (!closed) report(call->getBeginLoc(), "popen() child is never closed with pclose()");
  } else if (name == "daemon") {
    report(call->getBeginLoc(), "daemon() moves the process into the background");
  } else if (!waits_in(body, {"wait", "waitpid", "waitid", "wait3", "wait4"})) {
    report(call->getBeginLoc(), "'" + name + "' starts a child process that this function never waits for");
  }
}

}  // namespace sls::analyzers

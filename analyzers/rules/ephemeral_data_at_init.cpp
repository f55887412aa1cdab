#include "analyzers/rules/ephemeral_data_at_init.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

bool is_ephemeral_name(std::string_view name) {
  for (const auto& word : identifier_words(name)) {
    if (name_is_one_of(word, {"token", "session", "secret", "credential", "credentials"})) return true;
  }
  return false;
}

// fetch_token(), GetSecretValue(), assume_role(), get_credentials()…
bool is_credential_fetch(std::string_view function) {
  auto words = identifier_words(function);
  bool verb = false;
  bool noun = false;
  for (const auto& word : words) {
    verb = verb || name_is_one_of(word, {"get", "fetch", "load", "read", "assume", "request", "refresh"});
    noun = noun || name_is_one_of(word, {"token", "secret", "credential", "credentials", "role"});
  }
  return verb && noun && !name_is_one_of(words.empty() ? "" : words.front(), {"refresh"});
}

}  // namespace

void EphemeralDataAtInitCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(callExpr(isExpansionInMainFile(), callee(functionDecl().bind("callee"))).bind("call"), this);
}

bool EphemeralDataAtInitCheck::refreshed_in_handler(const clang::VarDecl& var) const {
  for (const auto* use : model().uses_of(var)) {
    if ((model().context_of(*use) & k_context_handler) && is_mutating_use(*use, ast())) return true;
  }
  return false;
}

void EphemeralDataAtInitCheck::check(const MatchFinder::MatchResult& result) {
  const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  const auto* callee = result.Nodes.getNodeAs<clang::FunctionDecl>("callee");
  std::string name = qualified_name(*callee);
  std::string what;
  if (name == "getenv" || name == "secure_getenv" || name == "std::getenv") {
    auto variable = call->getNumArgs() > 0 ? literal_text(call->getArg(0)) : std::nullopt;
    if (!variable || !is_ephemeral_name(variable->text)) return;
    what = "'" + variable->text + "'";
  } else if (is_credential_fetch(callee->getNameAsString())) {
    what = "the result of '" + callee->getNameAsString() + "'";
  } else {
    return;
  }
  if (!model().is_init(*call) || (model().context_of(*call) & k_context_handler)) return;
  if (const auto* var = result_variable(*call, ast()); var && var->hasGlobalStorage() && refreshed_in_handler(*var))
    return;
  report(call->getBeginLoc(), what + " is read once during initialisation and never refreshed");
}

}  // namespace sls::analyzers

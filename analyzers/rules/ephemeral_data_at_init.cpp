#include "analyzers/rules/ephemeral_data_at_init.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

// SESSION_TOKEN, DB_PASSWORD, API_KEY, AWS_ACCESS_KEY_ID: a credential; a
// KEY followed by other words (CACHE_KEY_PREFIX) is not.
bool is_ephemeral_name(std::string_view name) {
  auto words = identifier_words(name);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (name_is_one_of(words[i], {"token", "session", "secret", "credential", "credentials", "password", "passwd",
                                  "pass", "pw", "pwd", "apikey"})) {
      return true;
    }
    if (words[i] == "key" && (i + 1 == words.size() || words[i + 1] == "id")) return true;
  }
  return false;
}

// A literal naming a mounted secrets file: /run/secrets/…, /var/run/secrets/….
std::optional<std::string> secrets_file_argument(const clang::CallExpr& call) {
  for (const auto* arg : call.arguments()) {
    auto text = literal_text(arg);
    if (text && (text->text.starts_with("/run/secrets/") || text->text.starts_with("/var/run/secrets/"))) {
      return text->text;
    }
  }
  return std::nullopt;
}

// A helper of this file that reads the environment (`env_or_empty(name)`),
// called with a literal credential name.
std::optional<std::string> credential_env_argument(const clang::CallExpr& call, const clang::FunctionDecl& callee,
                                                   clang::ASTContext& ast) {
  const auto* definition = callee.getDefinition();
  if (!definition || !ast.getSourceManager().isInMainFile(definition->getLocation())) return std::nullopt;
  if (find_calls(definition->getBody(), {"getenv", "std::getenv", "secure_getenv"}).empty()) return std::nullopt;
  for (const auto* arg : call.arguments()) {
    auto text = literal_text(arg);
    if (text && is_ephemeral_name(text->text)) return text->text;
  }
  return std::nullopt;
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
  } else if (auto file = secrets_file_argument(*call)) {
    what = "the secrets file '" + *file + "'";
  } else if (auto variable = credential_env_argument(*call, *callee, ast())) {
    what = "'" + *variable + "'";
  } else {
    return;
  }
  if (!model().is_init(*call) || (model().context_of(*call) & k_context_handler)) return;
  if (const auto* var = result_variable(*call, ast()); var && var->hasGlobalStorage() && refreshed_in_handler(*var))
    return;
  report(call->getBeginLoc(), what + " is read once during initialisation and never refreshed");
}

}  // namespace sls::analyzers

#include "analyzers/rules/global_mutable_state.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

bool is_candidate(const clang::VarDecl& var) {
  auto type = var.getType();
  if (type.isConstQualified() || var.isConstexpr() || type->isReferenceType()) return false;
  if (type->isArrayType() && type->getAsArrayTypeUnsafe()->getElementType().isConstQualified()) return false;
  if (is_synchronisation_type(type) || is_prng_engine_type(type)) return false;
  // Other rules own these: threads, streams, random devices, connections.
  return !type_mentions(type, {"std::thread", "std::jthread", "basic_ostream", "basic_ofstream", "basic_fstream",
                               "basic_ifstream", "std::random_device", "pqxx::", "struct _IO_FILE"});
}

const char* kind_of(const clang::VarDecl& var) {
  if (var.isStaticLocal()) return "function-local static";
  if (var.isStaticDataMember()) return "static member";
  return "global";
}

}  // namespace

void GlobalMutableStateCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(varDecl(hasGlobalStorage(), unless(parmVarDecl()), isExpansionInMainFile()).bind("var"), this);
}

void GlobalMutableStateCheck::check(const MatchFinder::MatchResult& result) {
  const auto* var = result.Nodes.getNodeAs<clang::VarDecl>("var");
  if (is_defining_declaration(*var) && is_candidate(*var)) m_vars.push_back(var);
}

void GlobalMutableStateCheck::on_end_of_translation_unit() {
  for (const auto* var : m_vars) {
    const clang::DeclRefExpr* first_write = nullptr;
    for (const auto* use : model().uses_of(*var)) {
      if (!model().may_be_handler(*use) || !is_mutating_use(*use, ast())) continue;
      if (is_guarded_by_check_of(*use, *var, ast())) continue;
      first_write = use;
      break;
    }
    if (!first_write) continue;
    auto* finding = report(var->getLocation(), std::string(kind_of(*var)) + " '" + var->getNameAsString() +
                                                   "' is mutable state written by handler code");
    context().add_note(finding, first_write->getBeginLoc(), "written here, in handler context");
  }
}

}  // namespace sls::analyzers

#include "analyzers/rules/instance_identity.hpp"

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

bool names_an_id(std::string_view name) {
  for (const auto& word : identifier_words(name)) {
    if (name_is_one_of(word, {"id", "ids", "uuid", "guid", "unique", "nonce", "token", "key", "seed", "uid"}))
      return true;
  }
  return false;
}

// Walks from the value up to where it is stored; true when that place is
// named like an id, or the value seeds a generator or fills an id buffer.
bool used_as_id(const clang::Stmt& value, clang::ASTContext& ast) {
  clang::DynTypedNode node = clang::DynTypedNode::create(value);
  for (int depth = 0; depth < 16; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return false;
    const auto& parent = parents[0];
    if (const auto* var = parent.get<clang::VarDecl>()) return names_an_id(var->getNameAsString());
    if (const auto* field = parent.get<clang::FieldDecl>()) return names_an_id(field->getNameAsString());
    if (const auto* binary = parent.get<clang::BinaryOperator>(); binary && binary->isAssignmentOp()) {
      const auto* lhs = binary->getLHS()->IgnoreParenImpCasts();
      if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(lhs))
        return names_an_id(ref->getDecl()->getNameAsString());
      if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(lhs))
        return names_an_id(member->getMemberDecl()->getNameAsString());
      return false;
    }
    if (const auto* op = parent.get<clang::CXXOperatorCallExpr>(); op && op->getOperator() == clang::OO_Equal) {
      const auto* lhs = op->getArg(0)->IgnoreParenImpCasts();
      if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(lhs))
        return names_an_id(ref->getDecl()->getNameAsString());
      if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(lhs))
        return names_an_id(member->getMemberDecl()->getNameAsString());
      return false;
    }
    if (const auto* call = parent.get<clang::CallExpr>()) {
      std::string name = callee_name(*call);
      if (name_is_one_of(name, {"srand", "std::srand", "srandom", "srand48"}) || name.ends_with("::seed")) return true;
      if (name_is_one_of(name, {"snprintf", "sprintf"}) && call->getNumArgs() > 0) {
        const auto* buffer = llvm::dyn_cast<clang::DeclRefExpr>(call->getArg(0)->IgnoreParenImpCasts());
        return buffer && names_an_id(buffer->getDecl()->getNameAsString());
      }
    }
    if (parent.get<clang::CXXConstructExpr>() &&
        is_prng_engine_type(parent.get<clang::CXXConstructExpr>()->getType())) {
      return true;
    }
    if (!parent.get<clang::Expr>()) return false;
    node = parent;
  }
  return false;
}

}  // namespace

void InstanceIdentityCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(callExpr(isExpansionInMainFile(),
                             callee(functionDecl(hasAnyName("::getpid", "::getppid", "::gethostid", "::gethostname"))))
                        .bind("call"),
                    this);
  finder.addMatcher(stringLiteral(isExpansionInMainFile(), hasSize(31)).bind("boot_id"), this);
}

void InstanceIdentityCheck::check(const MatchFinder::MatchResult& result) {
  if (const auto* literal = result.Nodes.getNodeAs<clang::StringLiteral>("boot_id")) {
    if (literal->getString() == "/proc/sys/kernel/random/boot_id") {
      report(literal->getBeginLoc(), "the boot id is shared by every instance restored from the same snapshot");
    }
    return;
  }
  const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  std::string name = callee_name(*call);
  bool as_id = false;
  if (name == "gethostname" && call->getNumArgs() > 0) {
    const auto* buffer = llvm::dyn_cast<clang::DeclRefExpr>(call->getArg(0)->IgnoreParenImpCasts());
    as_id = buffer && names_an_id(buffer->getDecl()->getNameAsString());
  } else {
    as_id = used_as_id(*call, ast());
  }
  if (as_id) report(call->getBeginLoc(), "'" + name + "' used as a unique id: clones of an instance share it");
}

}  // namespace sls::analyzers

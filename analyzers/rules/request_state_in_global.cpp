#include "analyzers/rules/request_state_in_global.hpp"

#include "analyzers/ast_helpers.hpp"
#include "analyzers/static_roots.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

bool mentions_parameter(const clang::Stmt* stmt, const clang::FunctionDecl& function) {
  if (!stmt) return false;
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stmt)) {
    const auto* parm = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl());
    return parm && parm->getDeclContext() == &function;
  }
  for (const auto* child : stmt->children()) {
    if (mentions_parameter(child, function)) return true;
  }
  return false;
}

bool is_storing_method_name(std::string_view name) {
  return name_is_one_of(name, {"push_back", "emplace_back", "insert", "emplace", "push", "push_front", "emplace_front",
                               "assign", "append", "insert_or_assign", "try_emplace", "operator=", "operator[]"});
}

// True when `stmt` keeps one of the function's parameters: assigns it, or
// hands it to a container's inserting member.
bool stores_parameter(const clang::Stmt* stmt, const clang::FunctionDecl& function) {
  if (!stmt) return false;
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(stmt);
      binary && binary->isAssignmentOp() && mentions_parameter(binary->getRHS(), function)) {
    return true;
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt)) {
    const auto* callee = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(call->getDirectCallee());
    if (callee && is_storing_method_name(callee->getNameAsString())) {
      for (const auto* arg : call->arguments()) {
        if (mentions_parameter(arg, function)) return true;
      }
    }
  }
  for (const auto* child : stmt->children()) {
    if (stores_parameter(child, function)) return true;
  }
  return false;
}

// A non-const member function of a class of this file that keeps what it is
// given (`exporter.record(span)`, `cache.put(key, value)`).
bool keeps_its_arguments(const clang::CXXMethodDecl& method, clang::ASTContext& ast) {
  const auto* definition = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(method.getDefinition());
  if (!definition || definition->isConst() || !ast.getSourceManager().isInMainFile(definition->getLocation())) {
    return false;
  }
  return stores_parameter(definition->getBody(), *definition);
}

// True when `stmt` runs on every call of its function, not under an `if` or in a loop.
bool runs_unconditionally(const clang::Stmt& stmt, const clang::Stmt& body, clang::ASTContext& ast) {
  clang::DynTypedNode node = clang::DynTypedNode::create(stmt);
  for (int depth = 0; depth < 64; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return false;
    const auto* parent = parents[0].get<clang::Stmt>();
    if (!parent) return false;
    if (parent == &body) return true;
    if (llvm::isa<clang::IfStmt>(parent) || llvm::isa<clang::ForStmt>(parent) || llvm::isa<clang::WhileStmt>(parent) ||
        llvm::isa<clang::DoStmt>(parent) || llvm::isa<clang::CXXForRangeStmt>(parent) ||
        llvm::isa<clang::SwitchStmt>(parent) || llvm::isa<clang::ConditionalOperator>(parent)) {
      return false;
    }
    node = parents[0];
  }
  return false;
}

}  // namespace

void RequestStateInGlobalCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(binaryOperator(isAssignmentOperator(), isExpansionInMainFile()).bind("assign"), this);
  finder.addMatcher(cxxOperatorCallExpr(isAssignmentOperator(), isExpansionInMainFile()).bind("op"), this);
  finder.addMatcher(cxxMemberCallExpr(isExpansionInMainFile(),
                                      callee(cxxMethodDecl(hasAnyName("push_back", "emplace_back", "insert", "emplace",
                                                                      "push", "push_front", "emplace_front", "assign",
                                                                      "append", "insert_or_assign", "try_emplace"))))
                        .bind("member"),
                    this);
  finder.addMatcher(callExpr(isExpansionInMainFile(),
                             callee(functionDecl(hasAnyName("::strcpy", "::strncpy", "::memcpy", "::strcat",
                                                            "::strncat", "::snprintf", "::sprintf", "::memmove"))))
                        .bind("copy"),
                    this);
  // `table[key]` inserts the key into a map.
  finder.addMatcher(cxxOperatorCallExpr(isExpansionInMainFile(), hasOverloadedOperatorName("[]")).bind("subscript"),
                    this);
  finder.addMatcher(cxxMemberCallExpr(isExpansionInMainFile()).bind("method"), this);
}

void RequestStateInGlobalCheck::check(const MatchFinder::MatchResult& result) {
  if (const auto* assign = result.Nodes.getNodeAs<clang::BinaryOperator>("assign")) {
    // A number (a counter, a running maximum) is aggregate state, not the request's data.
    if (assign->getLHS()->getType()->isArithmeticType()) return;
    consider(*assign, assign->getLHS(), {assign->getRHS()});
  } else if (const auto* op = result.Nodes.getNodeAs<clang::CXXOperatorCallExpr>("op")) {
    if (op->getNumArgs() == 2) consider(*op, op->getArg(0), {op->getArg(1)});
  } else if (const auto* member = result.Nodes.getNodeAs<clang::CXXMemberCallExpr>("member")) {
    for (const auto* arg : member->arguments()) consider(*member, member->getImplicitObjectArgument(), {arg});
  } else if (const auto* subscript = result.Nodes.getNodeAs<clang::CXXOperatorCallExpr>("subscript")) {
    if (subscript->getNumArgs() == 2 && type_mentions(subscript->getArg(0)->getType(), {"map<"})) {
      consider(*subscript, subscript->getArg(0), {subscript->getArg(1)});
    }
  } else if (const auto* call = result.Nodes.getNodeAs<clang::CXXMemberCallExpr>("method")) {
    const auto* method = call->getMethodDecl();
    if (method && !is_storing_method_name(method->getNameAsString()) && keeps_its_arguments(*method, ast())) {
      m_keeping_calls.push_back(call);
    }
  } else if (const auto* copy = result.Nodes.getNodeAs<clang::CallExpr>("copy")) {
    for (unsigned i = 1; i < copy->getNumArgs(); ++i) consider(*copy, copy->getArg(0), {copy->getArg(i)});
  }
}

bool RequestStateInGlobalCheck::cleared_before(const clang::Stmt& store, const clang::VarDecl& var) const {
  const auto* body = model().enclosing_body(store);
  for (const auto* call : find_calls_any(body)) {
    const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call);
    const auto* method = member ? member->getMethodDecl() : nullptr;
    // A clear under a condition (`if (size() > cap) clear();`) is eviction, not a per-request reset.
    if (method && name_is_one_of(method->getNameAsString(), {"clear", "reset"}) &&
        static_storage_root(member->getImplicitObjectArgument()) == &var && begins_before(*call, store, ast()) &&
        runs_unconditionally(*call, *body, ast())) {
      return true;
    }
  }
  return false;
}

void RequestStateInGlobalCheck::consider(const clang::Stmt& store, const clang::Expr* target,
                                         std::initializer_list<const clang::Expr*> values) {
  // Inside a method that keeps its arguments, the call that passes request data is the store.
  const auto* method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(model().enclosing_function(store));
  if (method && !method->getParent()->isLambda() && keeps_its_arguments(*method, ast())) return;
  const auto* var = static_root(target, model());
  if (!var || var->getType().isConstQualified() || is_synchronisation_type(var->getType())) return;
  bool from_request = false;
  for (const auto* value : values) from_request = from_request || (value && model().is_request_derived(*value));
  if (!from_request || cleared_before(store, *var)) return;
  unsigned line = ast().getSourceManager().getExpansionLineNumber(store.getBeginLoc());
  if (!m_reported_lines.insert(line).second) return;
  auto* finding = report(store.getBeginLoc(),
                         "request data is stored in '" + var->getNameAsString() + "', which outlives the invocation");
  context().add_note(finding, var->getLocation(), "'" + var->getNameAsString() + "' declared here");
}

// `exporter.record({path, id})`, `cache.put(id, json)`: reported at the call.
void RequestStateInGlobalCheck::on_end_of_translation_unit() {
  for (const auto* call : m_keeping_calls) {
    for (const auto* arg : call->arguments()) consider(*call, call->getImplicitObjectArgument(), {arg});
  }
}

}  // namespace sls::analyzers

// sls-instance-identity (docs/rules/sls-instance-identity.md): follows the
// value of getpid()/gethostname()/uname() to where it ends up. Stored into
// static storage (at init or later), or shaping an id, a key or a file name,
// it is reported; printed in a log line, it is not.

#include "analyzers/rules/instance_identity.hpp"

#include "analyzers/ast_helpers.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {
namespace {

using namespace clang::ast_matchers;

bool names_an_id(std::string_view name) {
  for (const auto& word : identifier_words(name)) {
    if (name_is_one_of(word, {"id", "ids", "uuid", "guid", "unique", "nonce", "token", "key", "seed", "uid", "number",
                              "ref", "owner", "path", "file", "filename", "serial", "order", "invoice", "idempotency"}))
      return true;
  }
  return false;
}

// Calls that only print their arguments.
bool is_logging_call(const clang::CallExpr& call) {
  std::string name = callee_name(call);
  if (name_is_one_of(name, {"printf", "fprintf", "std::printf", "std::fprintf", "syslog", "puts", "fputs",
                            "std::puts", "std::fputs", "perror", "dprintf", "vfprintf", "vprintf"}))
    return true;
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(&call); op && op->getOperator() == clang::OO_LessLess) {
    return type_mentions(op->getArg(0)->getType(), {"basic_ostream"});
  }
  for (const auto& word : identifier_words(name)) {
    if (name_is_one_of(word, {"log", "logf", "info", "debug", "warn", "error", "trace"})) return true;
  }
  return false;
}

std::vector<const clang::DeclRefExpr*> references_in(const clang::Stmt& body, const clang::VarDecl& var) {
  struct Collector : clang::RecursiveASTVisitor<Collector> {
    const clang::VarDecl* target;
    std::vector<const clang::DeclRefExpr*> refs;
    bool VisitDeclRefExpr(clang::DeclRefExpr* ref) {
      if (ref->getDecl() == target) refs.push_back(ref);
      return true;
    }
  } collector;
  collector.target = &var;
  collector.TraverseStmt(const_cast<clang::Stmt*>(&body));
  return collector.refs;
}

class Flow {
public:
  explicit Flow(const TuModel& model) : m_model(model), m_ast(model.ast()) {}

  // True when the value at `value` reaches static storage or an id.
  bool reaches_id(const clang::Expr& value, int budget) const;
  // True when what is written into the object `target` designates (a buffer
  // gethostname fills, the utsname uname fills) reaches static storage or an id.
  bool target_reaches_id(const clang::Expr& target, const clang::Stmt& site, int budget) const;

private:
  bool local_reaches_id(const clang::VarDecl& var, const clang::Stmt& site, int budget) const;
  bool store_reaches_id(const clang::Expr& lhs, const clang::Stmt& site, int budget) const;
  bool returned_reaches_id(const clang::Stmt& site, int budget) const;
  bool call_reaches_id(const clang::Expr& child, const clang::CallExpr& call, int budget) const;

  const TuModel& m_model;
  clang::ASTContext& m_ast;
};

bool Flow::local_reaches_id(const clang::VarDecl& var, const clang::Stmt& site, int budget) const {
  if (var.hasGlobalStorage()) return true;
  if (names_an_id(var.getNameAsString())) return true;
  if (llvm::isa<clang::ParmVarDecl>(var)) {
    const auto* function = m_model.enclosing_function(site);
    return function && names_an_id(function->getNameAsString());
  }
  const auto* body = m_model.enclosing_body(site);
  if (!body || budget <= 0) return false;
  for (const auto* ref : references_in(*body, var)) {
    if (ref != &site && reaches_id(*ref, budget - 1)) return true;
  }
  return false;
}

// `x = value`: where x is static storage, named like an id, or a local followed further.
bool Flow::store_reaches_id(const clang::Expr& lhs, const clang::Stmt& site, int budget) const {
  const auto* bare = lhs.IgnoreParenImpCasts();
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(bare)) {
    if (names_an_id(member->getMemberDecl()->getNameAsString())) return true;
    const auto* base = member->getBase()->IgnoreParenImpCasts();
    if (llvm::isa<clang::CXXThisExpr>(base)) {
      const auto* function = m_model.enclosing_function(site);
      return function && !m_model.objects_of(*function).empty();
    }
    return store_reaches_id(*member->getBase(), site, budget);
  }
  if (const auto* subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(bare)) {
    return store_reaches_id(*subscript->getBase(), site, budget);
  }
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(bare);
      unary && (unary->getOpcode() == clang::UO_AddrOf || unary->getOpcode() == clang::UO_Deref)) {
    return store_reaches_id(*unary->getSubExpr(), site, budget);
  }
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(bare);
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  return var && local_reaches_id(*var, *ref, budget);
}

// `return value;`: the function builds an id, or its callers use the result as one.
bool Flow::returned_reaches_id(const clang::Stmt& site, int budget) const {
  const auto* function = m_model.enclosing_function(site);
  if (!function) return false;
  if (names_an_id(function->getNameAsString())) return true;
  if (budget <= 0) return false;
  for (const auto* call : m_model.calls_to(*function)) {
    if (reaches_id(*call, budget - 1)) return true;
  }
  return false;
}

bool Flow::call_reaches_id(const clang::Expr& child, const clang::CallExpr& call, int budget) const {
  std::string name = callee_name(call);
  if (name_is_one_of(name, {"srand", "std::srand", "srandom", "srand48"}) || name.ends_with("::seed")) return true;
  if (name_is_one_of(name, {"snprintf", "sprintf", "std::snprintf", "std::sprintf", "strcpy", "strncpy", "memcpy",
                            "std::strcpy", "std::strncpy", "std::memcpy", "strcat", "strncat"})) {
    return call.getNumArgs() > 0 && call.getArg(0) != &child && store_reaches_id(*call.getArg(0), call, budget);
  }
  return false;
}

bool Flow::reaches_id(const clang::Expr& value, int budget) const {
  clang::DynTypedNode node = clang::DynTypedNode::create(value);
  for (int depth = 0; depth < 24; ++depth) {
    auto parents = m_ast.getParents(node);
    if (parents.empty()) return false;
    const auto& parent = parents[0];
    const auto* child = node.get<clang::Expr>();
    if (const auto* var = parent.get<clang::VarDecl>()) return local_reaches_id(*var, *child, budget);
    if (const auto* field = parent.get<clang::FieldDecl>()) return names_an_id(field->getNameAsString());
    if (const auto* init = parent.get<clang::CXXCtorInitializer>()) {
      const auto* member = init->getMember();
      const auto* function = m_model.enclosing_function(*child);
      return (member && names_an_id(member->getNameAsString())) ||
             (function && !m_model.objects_of(*function).empty());
    }
    if (parent.get<clang::ReturnStmt>()) return returned_reaches_id(*parent.get<clang::ReturnStmt>(), budget);
    if (const auto* binary = parent.get<clang::BinaryOperator>();
        binary && binary->isAssignmentOp() && binary->getRHS() == child) {
      return store_reaches_id(*binary->getLHS(), *binary, budget);
    }
    if (const auto* op = parent.get<clang::CXXOperatorCallExpr>();
        op && op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2 && op->getArg(1) == child) {
      return store_reaches_id(*op->getArg(0), *op, budget);
    }
    if (const auto* call = parent.get<clang::CallExpr>()) {
      if (is_logging_call(*call)) return false;
      if (call_reaches_id(*child, *call, budget)) return true;
    }
    if (const auto* construct = parent.get<clang::CXXConstructExpr>(); construct && is_prng_engine_type(construct->getType())) {
      return true;
    }
    if (!parent.get<clang::Expr>()) return false;
    node = parent;
  }
  return false;
}

bool Flow::target_reaches_id(const clang::Expr& target, const clang::Stmt& site, int budget) const {
  return store_reaches_id(target, site, budget);
}

}  // namespace

void InstanceIdentityCheck::register_matchers(MatchFinder& finder) {
  finder.addMatcher(callExpr(isExpansionInMainFile(), callee(functionDecl(hasAnyName(
                                                          "::getpid", "::getppid", "::gethostid", "::gethostname",
                                                          "::uname"))))
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
  Flow flow(model());
  bool fills_buffer = name == "gethostname" || name == "uname";
  bool as_id = fills_buffer ? call->getNumArgs() > 0 && flow.target_reaches_id(*call->getArg(0), *call, 2)
                            : flow.reaches_id(*call, 2);
  if (as_id) {
    report(call->getBeginLoc(), "'" + name + "' kept in static storage or used as a unique id: clones of an instance share it");
  }
}

}  // namespace sls::analyzers

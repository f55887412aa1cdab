// How a variable is used: written or read, guarded by a check, followed by a
// companion call. These answer the "is it really a hazard" questions that keep
// the rules precise (docs/design.md §7a: a disarmed timer or a validated connection is
// not a hazard).

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

namespace sls::analyzers {
namespace {

using clang::DynTypedNode;

const clang::Stmt* parent_stmt(const clang::Stmt& stmt, clang::ASTContext& ast) {
  auto parents = ast.getParents(stmt);
  return parents.empty() ? nullptr : parents[0].get<clang::Stmt>();
}

// Member functions that only look, even though the non-const overload is
// picked on a non-const object (begin(), find(), size()…).
bool is_observer_method(std::string_view name) {
  return name_is_one_of(
      name, {"begin",    "end",       "cbegin", "cend",        "rbegin",      "rend",        "find",  "count",
             "contains", "size",      "empty",  "lower_bound", "upper_bound", "equal_range", "c_str", "length",
             "substr",   "compare",   "load",   "has_value",   "is_open",     "good",        "fail",  "bad",
             "eof",      "use_count", "str",    "string",      "native"});
}

// Methods whose result still designates the object (continue the walk).
bool is_access_method(std::string_view name) {
  return name_is_one_of(name, {"at", "front", "back", "get", "value", "data", "operator->", "operator*", "operator[]"});
}

bool pointee_is_mutable(clang::QualType type) {
  return type->isPointerType() && !type->getPointeeType().isConstQualified();
}

bool is_mutating_parent(const clang::Expr& child, const clang::Stmt& parent, clang::ASTContext& ast);

// `buffer`, `buffer + used`, `(void*)buffer`: a pointer into an array's own storage.
bool designates_array_storage(const clang::Expr& expr) {
  const clang::Expr* current = &expr;
  for (int depth = 0; depth < 8 && current; ++depth) {
    const auto* cast = llvm::dyn_cast<clang::ImplicitCastExpr>(current);
    if (cast && cast->getCastKind() == clang::CK_ArrayToPointerDecay) return true;
    if (cast) {
      current = cast->getSubExpr();
    } else if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(current); binary && binary->isAdditiveOp()) {
      current = binary->getLHS()->getType()->isPointerType() ? binary->getLHS() : binary->getRHS();
    } else if (const auto* paren = llvm::dyn_cast<clang::ParenExpr>(current)) {
      current = paren->getSubExpr();
    } else {
      return false;
    }
  }
  return false;
}

bool is_argument_mutation(const clang::Expr& child, const clang::CallExpr& call) {
  const auto* callee = call.getDirectCallee();
  if (!callee) return false;
  // A member operator's first argument is the object, not its first parameter.
  unsigned offset = llvm::isa<clang::CXXOperatorCallExpr>(call) && llvm::isa<clang::CXXMethodDecl>(callee) ? 1 : 0;
  for (unsigned i = offset; i < call.getNumArgs() && i - offset < callee->getNumParams(); ++i) {
    if (call.getArg(i)->IgnoreParenImpCasts() != child.IgnoreParenImpCasts()) continue;
    auto type = callee->getParamDecl(i - offset)->getType();
    if (type->isReferenceType() && !type.getNonReferenceType().isConstQualified()) return true;
    // An array that decays to a mutable pointer is written through it; a
    // pointer variable passed by value is not itself changed.
    if (pointee_is_mutable(type) && designates_array_storage(child)) return true;
  }
  return false;
}

// Whether `child` is the object a member call is made on (`child.f()`), not one of its arguments.
bool is_called_on(const clang::Expr& child, const clang::CXXMemberCallExpr& call) {
  const clang::Expr* reached = child.IgnoreParenImpCasts();
  const auto* object = call.getImplicitObjectArgument();
  return reached == call.getCallee()->IgnoreParenImpCasts() || (object && reached == object->IgnoreParenImpCasts());
}

// `&g` handed to a parameter that points to mutable data.
bool is_address_argument(const clang::Expr& pointer, const clang::CallExpr& call) {
  const auto* callee = call.getDirectCallee();
  for (unsigned i = 0; callee && i < call.getNumArgs() && i < callee->getNumParams(); ++i) {
    if (call.getArg(i) == &pointer) return pointee_is_mutable(callee->getParamDecl(i)->getType());
  }
  return false;
}

bool is_mutating_parent(const clang::Expr& child, const clang::Stmt& parent, clang::ASTContext& ast) {
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(&parent)) {
    return binary->isAssignmentOp() && binary->getLHS()->IgnoreParens() == &child;
  }
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(&parent)) {
    if (unary->isIncrementDecrementOp()) return true;
    if (unary->getOpcode() == clang::UO_AddrOf) {
      const clang::Expr* pointer = unary;
      const auto* next = parent_stmt(parent, ast);
      while (const auto* cast = next ? llvm::dyn_cast<clang::ImplicitCastExpr>(next) : nullptr) {
        if (!pointee_is_mutable(cast->getType())) return false;
        pointer = cast;
        next = parent_stmt(*cast, ast);
      }
      const auto* call = next ? llvm::dyn_cast<clang::CallExpr>(next) : nullptr;
      return call ? is_address_argument(*pointer, *call) : false;
    }
    return false;
  }
  if (const auto* member_call = llvm::dyn_cast<clang::CXXMemberCallExpr>(&parent)) {
    // A non-const method changes the object it is called on; an argument of
    // the call is only changed when its parameter lets it be.
    if (!is_called_on(child, *member_call)) return is_argument_mutation(child, *member_call);
    const auto* method = member_call->getMethodDecl();
    return method && !method->isConst() && !is_observer_method(method->getNameAsString());
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(&parent)) {
    const auto* method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(op->getDirectCallee());
    if (op->getNumArgs() > 0 && op->getArg(0)->IgnoreParenImpCasts() == child.IgnoreParenImpCasts()) {
      if (op->isAssignmentOp() || op->getOperator() == clang::OO_PlusPlus ||
          op->getOperator() == clang::OO_MinusMinus || op->getOperator() == clang::OO_LessLess) {
        return method ? !method->isConst() : true;
      }
      // `table[key]` inserts the key into a map.
      if (op->getOperator() == clang::OO_Subscript && method && !method->isConst() &&
          type_mentions(op->getArg(0)->getType(), {"map<"})) {
        return true;
      }
      if (method) return !method->isConst() && op->getOperator() == clang::OO_Call;
    }
    return is_argument_mutation(child, *op);
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(&parent)) return is_argument_mutation(child, *call);
  return false;
}

// Steps from an expression to the one that still designates the same object.
const clang::Expr* object_path_parent(const clang::Expr& child, const clang::Stmt& parent) {
  if (const auto* cast = llvm::dyn_cast<clang::ImplicitCastExpr>(&parent)) {
    if (cast->getCastKind() == clang::CK_LValueToRValue) {
      // Reading a pointer to reach its pointee still designates global state.
      return child.getType()->isPointerType() ? cast : nullptr;
    }
    return cast;
  }
  if (llvm::isa<clang::ParenExpr>(parent)) return llvm::cast<clang::Expr>(&parent);
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(&parent)) {
    return member->getBase()->IgnoreParenImpCasts() == child.IgnoreParenImpCasts() ? member : nullptr;
  }
  if (const auto* subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(&parent)) {
    return subscript->getBase()->IgnoreParenImpCasts() == child.IgnoreParenImpCasts() ? subscript : nullptr;
  }
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(&parent)) {
    return unary->getOpcode() == clang::UO_Deref ? unary : nullptr;
  }
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(&parent)) {
    // `buffer + used` still points into the buffer.
    bool into = binary->isAdditiveOp() && binary->getType()->isPointerType() && child.getType()->isPointerType();
    return into ? binary : nullptr;
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(&parent)) {
    auto kind = op->getOperator();
    bool access = kind == clang::OO_Subscript || kind == clang::OO_Arrow || kind == clang::OO_Star;
    return access && op->getArg(0)->IgnoreParenImpCasts() == child.IgnoreParenImpCasts() ? op : nullptr;
  }
  if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(&parent)) {
    // `g.value()`, `g.front()`: the result is still g's state; `w.value(g)` is not.
    const auto* method = call->getMethodDecl();
    return is_called_on(child, *call) && method && is_access_method(method->getNameAsString()) ? call : nullptr;
  }
  return nullptr;
}

class CallFinder : public clang::RecursiveASTVisitor<CallFinder> {
public:
  CallFinder(std::initializer_list<std::string_view> names) : m_names(names) {}
  bool VisitCallExpr(clang::CallExpr* call) {
    if (m_names.size() == 0) {
      m_found.push_back(call);
      return true;
    }
    std::string name = callee_name(*call);
    for (auto wanted : m_names) {
      if (name == wanted) m_found.push_back(call);
    }
    return true;
  }
  std::vector<const clang::CallExpr*> m_found;

private:
  std::initializer_list<std::string_view> m_names;
};

class MentionFinder : public clang::RecursiveASTVisitor<MentionFinder> {
public:
  explicit MentionFinder(const clang::VarDecl* var) : m_var(var) {}
  bool VisitDeclRefExpr(clang::DeclRefExpr* ref) {
    const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (var && (m_var ? var->getCanonicalDecl() == m_var->getCanonicalDecl() : is_flag(*var))) m_found = true;
    return !m_found;
  }
  bool m_found = false;

private:
  // A static bool (or atomic<bool>) used as an "already initialised" flag.
  static bool is_flag(const clang::VarDecl& var) {
    if (!var.hasGlobalStorage()) return false;
    auto type = var.getType().getNonReferenceType().getUnqualifiedType();
    return type->isBooleanType() || type.getAsString().find("atomic<bool>") != std::string::npos;
  }
  const clang::VarDecl* m_var;
};

enum class GuardKind { AnyCheck, OneTime };

// `var.empty()` or `var.size() == 0` inside a condition.
bool checks_emptiness(const clang::Stmt* stmt, const clang::VarDecl& var) {
  if (!stmt) return false;
  if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(stmt)) {
    const auto* method = call->getMethodDecl();
    if (method && name_is_one_of(method->getNameAsString(), {"empty", "size", "has_value"}) &&
        mentions(call->getImplicitObjectArgument(), var)) {
      return true;
    }
  }
  for (const auto* child : stmt->children()) {
    if (checks_emptiness(child, var)) return true;
  }
  return false;
}

bool condition_guards(const clang::Expr* condition, const clang::VarDecl& var, GuardKind kind) {
  if (!condition) return false;
  MentionFinder flag(nullptr);
  flag.TraverseStmt(const_cast<clang::Expr*>(condition));
  if (flag.m_found) return true;
  if (kind == GuardKind::OneTime) return checks_emptiness(condition, var);
  MentionFinder exact(&var);
  exact.TraverseStmt(const_cast<clang::Expr*>(condition));
  return exact.m_found;
}

bool contains_return(const clang::Stmt* stmt) {
  if (!stmt) return false;
  if (llvm::isa<clang::ReturnStmt>(stmt)) return true;
  for (const auto* child : stmt->children()) {
    if (contains_return(child)) return true;
  }
  return false;
}

// `if (cached) return cached;` earlier in the same block also guards.
bool has_early_return_guard(const clang::CompoundStmt& block, const clang::Stmt& inner, const clang::VarDecl& var,
                            GuardKind kind) {
  for (const auto* sibling : block.body()) {
    if (sibling == &inner) return false;
    const auto* if_stmt = llvm::dyn_cast<clang::IfStmt>(sibling);
    if (if_stmt && condition_guards(if_stmt->getCond(), var, kind) && contains_return(if_stmt->getThen())) return true;
  }
  return false;
}

}  // namespace

namespace {

// A local non-const reference or pointer bound to the object (`auto& s =
// g_sessions[id];`): the object changes when the alias is used to change it.
bool alias_is_mutated(const clang::VarDecl& alias, clang::ASTContext& ast, int budget);

bool mutating_use(const clang::Expr& use, clang::ASTContext& ast, int budget) {
  const clang::Expr* current = &use;
  for (int depth = 0; depth < 16; ++depth) {
    auto parents = ast.getParents(*current);
    if (parents.empty()) return false;
    if (const auto* alias = parents[0].get<clang::VarDecl>()) return budget > 0 && alias_is_mutated(*alias, ast, budget - 1);
    const auto* parent = parents[0].get<clang::Stmt>();
    if (!parent) return false;
    if (is_mutating_parent(*current, *parent, ast)) return true;
    const auto* next = object_path_parent(*current, *parent);
    if (!next) return false;
    current = next;
  }
  return false;
}

class RefCollector : public clang::RecursiveASTVisitor<RefCollector> {
public:
  explicit RefCollector(const clang::VarDecl& var) : m_var(var) {}
  bool VisitDeclRefExpr(clang::DeclRefExpr* ref) {
    if (ref->getDecl() == &m_var) m_refs.push_back(ref);
    return true;
  }
  std::vector<const clang::DeclRefExpr*> m_refs;

private:
  const clang::VarDecl& m_var;
};

const clang::Stmt* body_holding(const clang::Decl& decl, clang::ASTContext& ast) {
  clang::DynTypedNode node = clang::DynTypedNode::create(decl);
  for (int depth = 0; depth < 64; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return nullptr;
    if (const auto* function = parents[0].get<clang::FunctionDecl>()) return function->getBody();
    if (const auto* lambda = parents[0].get<clang::LambdaExpr>()) return lambda->getBody();
    node = parents[0];
  }
  return nullptr;
}

// `p = other`, `++p`: the pointer moves, the object it pointed to is untouched.
bool reseats_pointer(const clang::DeclRefExpr& ref, clang::ASTContext& ast) {
  if (!ref.getType()->isPointerType()) return false;
  const auto* parent = parent_stmt(ref, ast);
  if (const auto* binary = llvm::dyn_cast_or_null<clang::BinaryOperator>(parent)) {
    return binary->isAssignmentOp() && binary->getLHS()->IgnoreParens() == &ref;
  }
  const auto* unary = llvm::dyn_cast_or_null<clang::UnaryOperator>(parent);
  return unary && unary->isIncrementDecrementOp();
}

bool alias_is_mutated(const clang::VarDecl& alias, clang::ASTContext& ast, int budget) {
  auto type = alias.getType();
  if (type->isFunctionPointerType()) return false;  // calling through it changes nothing
  bool reference = type->isReferenceType() && !type.getNonReferenceType().isConstQualified();
  if (alias.hasGlobalStorage() || !(reference || pointee_is_mutable(type))) return false;
  const auto* body = body_holding(alias, ast);
  if (!body) return false;
  RefCollector refs(alias);
  refs.TraverseStmt(const_cast<clang::Stmt*>(body));
  for (const auto* ref : refs.m_refs) {
    if (!reseats_pointer(*ref, ast) && mutating_use(*ref, ast, budget)) return true;
  }
  return false;
}

}  // namespace

bool is_mutating_use(const clang::Expr& use, clang::ASTContext& ast) { return mutating_use(use, ast, 2); }

namespace {

bool guarded(const clang::Stmt& stmt, const clang::VarDecl& var, clang::ASTContext& ast, GuardKind kind) {
  DynTypedNode node = DynTypedNode::create(stmt);
  for (int depth = 0; depth < 64; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return false;
    const auto& parent = parents[0];
    const auto* child = node.get<clang::Stmt>();
    if (const auto* if_stmt = parent.get<clang::IfStmt>()) {
      if (child && child == if_stmt->getThen() && condition_guards(if_stmt->getCond(), var, kind)) return true;
    }
    if (const auto* block = parent.get<clang::CompoundStmt>()) {
      if (child && has_early_return_guard(*block, *child, var, kind)) return true;
    }
    if (const auto* call = parent.get<clang::CallExpr>()) {
      if (callee_name(*call) == "std::call_once") return true;
    }
    // A lambda's body hangs below its call operator and closure class; keep
    // walking to the LambdaExpr and the call that receives it.
    if (const auto* method = parent.get<clang::CXXMethodDecl>(); method && method->getParent()->isLambda()) {
      node = parent;
      continue;
    }
    if (parent.get<clang::FunctionDecl>()) return false;
    node = parent;
  }
  return false;
}

}  // namespace

bool is_in_condition(const clang::Stmt& stmt, clang::ASTContext& ast) {
  clang::DynTypedNode node = clang::DynTypedNode::create(stmt);
  for (int depth = 0; depth < 12; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return false;
    if (const auto* if_stmt = parents[0].get<clang::IfStmt>()) {
      return if_stmt->getCond() && contains_node(*if_stmt->getCond(), stmt);
    }
    if (!parents[0].get<clang::Expr>()) return false;
    node = parents[0];
  }
  return false;
}

bool is_guarded_by_check_of(const clang::Stmt& stmt, const clang::VarDecl& var, clang::ASTContext& ast) {
  return guarded(stmt, var, ast, GuardKind::AnyCheck);
}

bool is_one_time_fill(const clang::Stmt& stmt, const clang::VarDecl& var, clang::ASTContext& ast) {
  return guarded(stmt, var, ast, GuardKind::OneTime);
}

bool is_synchronisation_type(clang::QualType type) {
  // The spelling as written too: pthread_once_t is a typedef of int.
  type = type.getNonReferenceType().getUnqualifiedType();
  for (const std::string& name : {type.getCanonicalType().getAsString(), type.getAsString()}) {
    for (std::string_view part :
         {"std::once_flag", "mutex", "std::condition_variable", "pthread_once_t", "pthread_cond_t", "pthread_rwlock_t",
          "pthread_spinlock_t", "pthread_barrier_t", "std::atomic_flag", "std::latch", "std::barrier",
          "std::counting_semaphore", "std::binary_semaphore", "sem_t"}) {
      if (name.find(part) != std::string::npos) return true;
    }
  }
  return false;
}

std::vector<const clang::CallExpr*> find_calls(const clang::Stmt* body, std::initializer_list<std::string_view> names) {
  CallFinder finder(names);
  if (body) finder.TraverseStmt(const_cast<clang::Stmt*>(body));
  return finder.m_found;
}

std::vector<const clang::CallExpr*> find_calls_any(const clang::Stmt* body) { return find_calls(body, {}); }

bool begins_before(const clang::Stmt& a, const clang::Stmt& b, clang::ASTContext& ast) {
  return ast.getSourceManager().isBeforeInTranslationUnit(a.getBeginLoc(), b.getBeginLoc());
}

bool contains_node(const clang::Stmt& outer, const clang::Stmt& inner) {
  if (&outer == &inner) return true;
  for (const auto* child : outer.children()) {
    if (child && contains_node(*child, inner)) return true;
  }
  return false;
}

bool mentions(const clang::Stmt* stmt, const clang::VarDecl& var) {
  if (!stmt) return false;
  MentionFinder finder(&var);
  finder.TraverseStmt(const_cast<clang::Stmt*>(stmt));
  return finder.m_found;
}

std::vector<const clang::DeclRefExpr*> find_references(const clang::Stmt* stmt, const clang::VarDecl& var) {
  if (!stmt) return {};
  RefCollector refs(var);
  refs.TraverseStmt(const_cast<clang::Stmt*>(stmt));
  return refs.m_refs;
}

const clang::VarDecl* result_variable(const clang::CallExpr& call, clang::ASTContext& ast) {
  DynTypedNode node = DynTypedNode::create(call);
  for (int depth = 0; depth < 8; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return nullptr;
    if (const auto* var = parents[0].get<clang::VarDecl>()) return var;
    if (const auto* binary = parents[0].get<clang::BinaryOperator>()) {
      if (!binary->isAssignmentOp()) return nullptr;
      const auto* lhs = llvm::dyn_cast<clang::DeclRefExpr>(binary->getLHS()->IgnoreParenImpCasts());
      return lhs ? llvm::dyn_cast<clang::VarDecl>(lhs->getDecl()) : nullptr;
    }
    if (const auto* op = parents[0].get<clang::CXXOperatorCallExpr>()) {
      if (op->getOperator() != clang::OO_Equal) return nullptr;
      const auto* lhs = llvm::dyn_cast<clang::DeclRefExpr>(op->getArg(0)->IgnoreParenImpCasts());
      return lhs ? llvm::dyn_cast<clang::VarDecl>(lhs->getDecl()) : nullptr;
    }
    const auto* expr = parents[0].get<clang::Expr>();
    if (!expr || llvm::isa<clang::CallExpr>(expr)) return nullptr;
    node = parents[0];
  }
  return nullptr;
}

}  // namespace sls::analyzers

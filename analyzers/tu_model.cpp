// Answers the context questions of tu_model.hpp from the facts that
// tu_model_builder.cpp collected.

#include "analyzers/tu_model.hpp"

#include "analyzers/ast_helpers.hpp"
#include "analyzers/request_data.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"

namespace sls::analyzers {
namespace {

// True when `stmt` is part of the initialiser of a function-local static,
// which runs once per instance, on the first call.
bool in_static_local_initializer(const clang::Stmt& stmt, clang::ASTContext& ast) {
  clang::DynTypedNode node = clang::DynTypedNode::create(stmt);
  for (int depth = 0; depth < 256; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty()) return false;
    node = parents[0];
    if (const auto* var = node.get<clang::VarDecl>()) return var->isStaticLocal();
    if (node.get<clang::FunctionDecl>() || node.get<clang::LambdaExpr>()) return false;
  }
  return false;
}

}  // namespace

TuModel::~TuModel() = default;

const clang::FunctionDecl* TuModel::enclosing_function(const clang::Stmt& stmt) const {
  clang::DynTypedNode node = clang::DynTypedNode::create(stmt);
  for (int depth = 0; depth < 256; ++depth) {
    auto parents = m_ast.getParents(node);
    if (parents.empty()) return nullptr;
    node = parents[0];
    if (const auto* lambda = node.get<clang::LambdaExpr>()) return lambda->getCallOperator();
    if (const auto* function = node.get<clang::FunctionDecl>()) return function;
    if (const auto* var = node.get<clang::VarDecl>(); var && var->hasGlobalStorage() && !var->isStaticLocal()) {
      return nullptr;
    }
  }
  return nullptr;
}

const clang::Stmt* TuModel::enclosing_body(const clang::Stmt& stmt) const {
  if (const auto* function = enclosing_function(stmt)) return function->getBody();
  clang::DynTypedNode node = clang::DynTypedNode::create(stmt);
  for (int depth = 0; depth < 256; ++depth) {
    auto parents = m_ast.getParents(node);
    if (parents.empty()) return nullptr;
    if (const auto* var = parents[0].get<clang::VarDecl>()) return var->getInit();
    node = parents[0];
  }
  return nullptr;
}

unsigned TuModel::context_of_function(const clang::FunctionDecl& function) const {
  const auto* definition = function.getDefinition() ? function.getDefinition() : &function;
  unsigned flags = k_context_none;
  if (m_handler_functions.contains(definition)) flags |= k_context_handler;
  if (m_init_functions.contains(definition)) flags |= k_context_init;
  if (m_signal_functions.contains(definition)) flags |= k_context_signal;
  if (flags == k_context_none) flags = k_context_unknown;
  return flags;
}

unsigned TuModel::context_of(const clang::Stmt& stmt) const {
  const auto* function = enclosing_function(stmt);
  if (!function) return k_context_init;  // a global initialiser
  if (in_static_local_initializer(stmt, m_ast)) return k_context_init;
  if (auto split = m_main_split.find(function); split != m_main_split.end()) {
    return begins_before(stmt, *split->second, m_ast) ? k_context_init : k_context_none;
  }
  if (auto loop = m_main_loop.find(function); loop != m_main_loop.end()) {
    if (contains_node(*loop->second, stmt)) return k_context_handler;
    return begins_before(stmt, *loop->second, m_ast) ? k_context_init : k_context_none;
  }
  // A lambda inherits the context of the function that creates it, unless it
  // is itself the handler.
  if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function);
      method && method->getParent()->isLambda() && !m_handler_functions.contains(function)) {
    const auto* record = method->getParent();
    for (const auto* lambda : m_handler_lambdas) {
      if (lambda->getLambdaClass() == record) return k_context_handler;
    }
    clang::DynTypedNode node = clang::DynTypedNode::create(stmt);
    for (int depth = 0; depth < 256; ++depth) {
      auto parents = m_ast.getParents(node);
      if (parents.empty()) break;
      node = parents[0];
      if (const auto* lambda = node.get<clang::LambdaExpr>(); lambda && lambda->getLambdaClass() == record) {
        return context_of(*lambda);
      }
    }
  }
  return context_of_function(*function);
}

bool TuModel::may_be_handler(const clang::Stmt& stmt) const {
  return (context_of(stmt) & (k_context_handler | k_context_unknown)) != 0;
}

bool TuModel::is_init(const clang::Stmt& stmt) const { return (context_of(stmt) & k_context_init) != 0; }

const std::vector<const clang::DeclRefExpr*>& TuModel::uses_of(const clang::VarDecl& var) const {
  static const std::vector<const clang::DeclRefExpr*> k_none;
  auto it = m_uses.find(var.getCanonicalDecl());
  return it == m_uses.end() ? k_none : it->second;
}

std::vector<const clang::CallExpr*> TuModel::calls_to(const clang::FunctionDecl& function) const {
  auto it = m_calls.find(function.getCanonicalDecl());
  return it == m_calls.end() ? std::vector<const clang::CallExpr*>{} : it->second;
}

bool TuModel::is_request_derived(const clang::Expr& expr) const {
  return analyzers::is_request_derived(expr, m_request_vars);
}

const clang::VarDecl* TuModel::accessed_static(const clang::FunctionDecl& function) const {
  const auto* definition = function.getDefinition() ? function.getDefinition() : &function;
  auto it = m_accessors.find(definition);
  return it == m_accessors.end() ? nullptr : it->second;
}

std::vector<const clang::CallExpr*> TuModel::reference_accessor_calls(const clang::VarDecl& var) const {
  std::vector<const clang::CallExpr*> calls;
  for (const auto& [function, accessed] : m_accessors) {
    // `T& get() { return g; }` and `T* get() { return &g; }` hand out g itself;
    // `T* get() { return g_ptr; }` hands out a copy of the pointer.
    auto result = function->getReturnType();
    bool address = result->isPointerType() && !var.getType()->isPointerType();
    if (accessed->getCanonicalDecl() != var.getCanonicalDecl() || !(result->isReferenceType() || address)) continue;
    for (const auto* call : calls_to(*function)) calls.push_back(call);
  }
  return calls;
}

bool TuModel::runs_once(const clang::FunctionDecl& function) const {
  return m_once_functions.contains(function.getDefinition() ? function.getDefinition() : &function);
}

const std::vector<const clang::VarDecl*>& TuModel::objects_of(const clang::FunctionDecl& method) const {
  static const std::vector<const clang::VarDecl*> k_none;
  const auto* definition = method.getDefinition() ? method.getDefinition() : &method;
  auto it = m_objects.find(definition);
  return it == m_objects.end() ? k_none : it->second;
}

}  // namespace sls::analyzers

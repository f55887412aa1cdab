// Builds the init/handler context model (see tu_model.hpp for the terms).
//
// One RecursiveASTVisitor walk collects the roots (the SLS_HANDLER function,
// callables passed to run_handler, constructor-attribute functions, global
// initialisers, main before run_handler), every reference to a static-storage
// variable and every direct call. Reachability is then a breadth-first walk
// over the functions each body names: calls, constructor calls, and plain
// references to functions (a function handed to std::thread or a callback
// table runs in the context of the code that hands it over).

#include "analyzers/tu_model.hpp"

#include <deque>

#include "analyzers/ast_helpers.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace sls::analyzers {
namespace {

bool is_sls_handler_glue(const clang::FunctionDecl& function) {
  // SLS_HANDLER(fn) defines sls::detail::invoke_handler (C++, <sls/function.hpp>) or
  // sls_c_invoke_handler (C, <sls/function.h>), which calls fn.
  if (!function.doesThisDeclarationHaveABody()) return false;
  std::string name = qualified_name(function);
  return name == "sls::detail::invoke_handler" || name == "sls_c_invoke_handler";
}

bool is_run_handler(const clang::CallExpr& call) { return callee_name(call) == "aws::lambda_runtime::run_handler"; }

bool is_request_type(clang::QualType type) {
  type = type.getNonReferenceType();
  if (type->isPointerType()) type = type->getPointeeType();
  const auto* record = type->getAsCXXRecordDecl();
  if (!record) return false;
  std::string name = qualified_name(*record);
  return name == "sls::Request" || name == "aws::lambda_runtime::invocation_request";
}

// Functions and lambdas named anywhere inside an expression (the argument of
// run_handler may be `fn`, `&fn`, a lambda, or a std::function built from one).
void collect_callables(const clang::Stmt* stmt, std::vector<const clang::FunctionDecl*>& functions,
                       std::vector<const clang::LambdaExpr*>& lambdas) {
  if (!stmt) return;
  if (const auto* lambda = llvm::dyn_cast<clang::LambdaExpr>(stmt)) {
    lambdas.push_back(lambda);
    return;
  }
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stmt)) {
    if (const auto* function = llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl())) functions.push_back(function);
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); var && var->getInit()) {
      collect_callables(var->getInit(), functions, lambdas);
    }
  }
  for (const auto* child : stmt->children()) collect_callables(child, functions, lambdas);
}

// Every function a body can transfer control to, directly or by naming it.
class CalleeCollector : public clang::RecursiveASTVisitor<CalleeCollector> {
public:
  bool VisitCallExpr(clang::CallExpr* call) {
    add(call->getDirectCallee());
    return true;
  }
  bool VisitCXXConstructExpr(clang::CXXConstructExpr* construct) {
    add(construct->getConstructor());
    return true;
  }
  bool VisitDeclRefExpr(clang::DeclRefExpr* ref) {
    add(llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl()));
    return true;
  }
  bool VisitLambdaExpr(clang::LambdaExpr* lambda) {
    add(lambda->getCallOperator());
    return true;
  }
  std::vector<const clang::FunctionDecl*> m_callees;

private:
  void add(const clang::FunctionDecl* function) {
    if (!function) return;
    if (const auto* definition = function->getDefinition()) m_callees.push_back(definition);
  }
};

std::vector<const clang::FunctionDecl*> callees_of(const clang::Stmt* body) {
  CalleeCollector collector;
  if (body) collector.TraverseStmt(const_cast<clang::Stmt*>(body));
  return collector.m_callees;
}

}  // namespace

class TuModel::Builder : public clang::RecursiveASTVisitor<Builder> {
public:
  explicit Builder(TuModel& model) : m_model(model) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(clang::FunctionDecl* function) {
    if (is_sls_handler_glue(*function)) m_handler_roots.push_back(function);
    if (function->hasAttr<clang::ConstructorAttr>() && function->hasBody()) m_init_roots.push_back(function);
    if (function->isMain() && function->hasBody()) m_mains.push_back(function);
    for (const auto* param : function->parameters()) {
      if (is_request_type(param->getType())) m_model.m_request_vars.insert(param);
    }
    return true;
  }

  bool VisitVarDecl(clang::VarDecl* var) {
    if (var->hasGlobalStorage() && !llvm::isa<clang::ParmVarDecl>(var)) {
      m_model.m_static_vars.push_back(var);
      if (!var->isStaticLocal() && var->getInit()) m_init_exprs.push_back(var->getInit());
    }
    if (var->isLocalVarDecl() && var->getInit() && m_model.is_request_derived(*var->getInit())) {
      m_model.m_request_vars.insert(var);
    }
    return true;
  }

  bool VisitDeclRefExpr(clang::DeclRefExpr* ref) {
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); var && var->hasGlobalStorage()) {
      m_model.m_uses[var->getCanonicalDecl()].push_back(ref);
    }
    return true;
  }

  bool VisitCallExpr(clang::CallExpr* call) {
    if (const auto* callee = call->getDirectCallee()) m_model.m_calls[callee->getCanonicalDecl()].push_back(call);
    if (is_run_handler(*call) && call->getNumArgs() > 0) {
      std::vector<const clang::LambdaExpr*> lambdas;
      collect_callables(call->getArg(0), m_handler_roots, lambdas);
      for (const auto* lambda : lambdas) {
        m_model.m_handler_lambdas.insert(lambda);
        m_handler_roots.push_back(lambda->getCallOperator());
      }
      if (const auto* main = m_model.enclosing_function(*call); main && main->isMain()) {
        m_model.m_main_split[main] = call;
      }
    }
    return true;
  }

  void finish() {
    m_model.m_has_handler = !m_handler_roots.empty();
    reach(m_handler_roots, m_model.m_handler_functions);
    std::vector<const clang::FunctionDecl*> init_roots = m_init_roots;
    for (const auto* init : m_init_exprs) append(init_roots, callees_of(init));
    for (const auto* main : m_mains) add_main_init(*main, init_roots);
    reach(init_roots, m_model.m_init_functions);
  }

private:
  static void append(std::vector<const clang::FunctionDecl*>& to, const std::vector<const clang::FunctionDecl*>& from) {
    to.insert(to.end(), from.begin(), from.end());
  }

  // Code in main before run_handler is init. A main with no handler in the
  // translation unit runs its own loop: before the first loop is init, the
  // loop is per request; a main without a loop is init as a whole.
  void add_main_init(const clang::FunctionDecl& main, std::vector<const clang::FunctionDecl*>& roots) {
    auto split = m_model.m_main_split.find(&main);
    if (split == m_model.m_main_split.end()) {
      if (m_model.m_has_handler) return;
      const auto* body = llvm::dyn_cast_or_null<clang::CompoundStmt>(main.getBody());
      const clang::Stmt* loop = nullptr;
      for (const auto* stmt : body ? body->body() : clang::CompoundStmt::body_const_range(nullptr, nullptr)) {
        if (llvm::isa<clang::ForStmt, clang::WhileStmt, clang::DoStmt>(stmt)) {
          loop = stmt;
          break;
        }
        append(roots, callees_of(stmt));
      }
      if (!loop) {
        roots.push_back(&main);
        return;
      }
      m_model.m_main_loop[&main] = loop;
      reach(callees_of(loop), m_model.m_handler_functions);
      return;
    }
    const auto* body = llvm::dyn_cast_or_null<clang::CompoundStmt>(main.getBody());
    if (!body) return;
    for (const auto* stmt : body->body()) {
      if (!begins_before(*stmt, *split->second, m_model.m_ast)) break;
      append(roots, callees_of(stmt));
    }
  }

  void reach(const std::vector<const clang::FunctionDecl*>& roots,
             std::unordered_set<const clang::FunctionDecl*>& reached) {
    std::deque<const clang::FunctionDecl*> queue(roots.begin(), roots.end());
    while (!queue.empty()) {
      const auto* function = queue.front();
      queue.pop_front();
      if (const auto* definition = function->getDefinition()) function = definition;
      if (!reached.insert(function).second) continue;
      for (const auto* callee : callees_of(function->getBody())) queue.push_back(callee);
    }
  }

  TuModel& m_model;
  std::vector<const clang::FunctionDecl*> m_handler_roots;
  std::vector<const clang::FunctionDecl*> m_init_roots;
  std::vector<const clang::FunctionDecl*> m_mains;
  std::vector<const clang::Expr*> m_init_exprs;
};

TuModel::TuModel(clang::ASTContext& ast) : m_ast(ast) {
  Builder builder(*this);
  builder.TraverseAST(ast);  // honours the traversal scope set by the driver
  builder.finish();
}

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
  if (flags == k_context_none) flags = k_context_unknown;
  return flags;
}

unsigned TuModel::context_of(const clang::Stmt& stmt) const {
  const auto* function = enclosing_function(stmt);
  if (!function) return k_context_init;  // a global initialiser
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
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(&expr)) {
    const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (var && m_request_vars.contains(var)) return true;
  }
  for (const auto* child : expr.children()) {
    const auto* child_expr = llvm::dyn_cast_or_null<clang::Expr>(child);
    if (child_expr && is_request_derived(*child_expr)) return true;
  }
  return false;
}

}  // namespace sls::analyzers

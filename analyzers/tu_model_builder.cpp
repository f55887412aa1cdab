// Builds the init/handler/signal context model (see tu_model.hpp for the terms).
//
// One RecursiveASTVisitor walk collects the roots (the SLS_HANDLER function,
// callables passed to run_handler, constructor-attribute functions, global
// and function-local static initialisers, main before run_handler, installed
// signal handlers), every reference to a static-storage variable, every
// direct call, the functions that hand out a static variable and the static
// objects member functions run on. Reachability is then a breadth-first walk
// over the functions each body names: calls, constructor calls, and plain
// references to functions (a function handed to std::thread or a callback
// table runs in the context of the code that hands it over), except signal
// handlers, which run in their own context whoever installs them.

#include <deque>

#include "analyzers/ast_helpers.hpp"
#include "analyzers/request_data.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace sls::analyzers {
namespace {

using FunctionSet = std::unordered_set<const clang::FunctionDecl*>;

bool is_sls_handler_glue(const clang::FunctionDecl& function) {
  // SLS_HANDLER(fn) defines sls::detail::invoke_handler (C++, <sls/function.hpp>) or
  // sls_c_invoke_handler (C, <sls/function.h>), which calls fn.
  if (!function.doesThisDeclarationHaveABody()) return false;
  std::string name = qualified_name(function);
  return name == "sls::detail::invoke_handler" || name == "sls_c_invoke_handler";
}

bool is_run_handler(const clang::CallExpr& call) { return callee_name(call) == "aws::lambda_runtime::run_handler"; }

const clang::FunctionDecl* definition_of(const clang::FunctionDecl* function) {
  const auto* definition = function ? function->getDefinition() : nullptr;
  return definition ? definition : function;
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

void reach(const std::vector<const clang::FunctionDecl*>& roots, FunctionSet& reached, const FunctionSet& blocked) {
  std::deque<const clang::FunctionDecl*> queue(roots.begin(), roots.end());
  while (!queue.empty()) {
    const auto* function = definition_of(queue.front());
    queue.pop_front();
    if (blocked.contains(function) || !reached.insert(function).second) continue;
    for (const auto* callee : callees_of(function->getBody())) queue.push_back(callee);
  }
}

// The function an expression names: `on_alarm`, `&on_alarm`, `(handler_t)on_alarm`.
const clang::FunctionDecl* named_function(const clang::Expr* expr) {
  if (!expr) return nullptr;
  expr = expr->IgnoreParenCasts();
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(expr); unary && unary->getOpcode() == clang::UO_AddrOf) {
    expr = unary->getSubExpr()->IgnoreParenCasts();
  }
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr);
  return ref ? definition_of(llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl())) : nullptr;
}

bool is_async_callback_field(const clang::ValueDecl& field) {
  // glibc spells sa_handler as a macro for __sigaction_handler.sa_handler.
  return name_is_one_of(field.getNameAsString(), {"sa_handler", "sa_sigaction", "sigev_notify_function"});
}

// `return g;` / `return &g;` / `return instance;`: the static variable returned.
const clang::VarDecl* returned_static(const clang::Expr* value) {
  if (!value) return nullptr;
  value = value->IgnoreParenImpCasts();
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(value); unary && unary->getOpcode() == clang::UO_AddrOf) {
    value = unary->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(value);
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  return var && var->hasGlobalStorage() ? var : nullptr;
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
    add_request_parameters(*function);
    return true;
  }

  bool VisitLambdaExpr(clang::LambdaExpr* lambda) {
    add_request_parameters(*lambda->getCallOperator());  // a handler lambda's `req`
    return true;
  }

  bool VisitVarDecl(clang::VarDecl* var) {
    if (var->hasGlobalStorage() && !llvm::isa<clang::ParmVarDecl>(var)) {
      m_model.m_static_vars.push_back(var);
      if (var->getInit()) m_init_exprs.push_back(var->getInit());
      if (const auto* construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(var->getInit())) {
        add_object(construct->getConstructor(), var);
      }
    }
    if (var->getInit() && type_mentions(var->getType(), {"struct sigaction"})) {
      collect_signal_handlers(var->getInit());  // struct sigaction sa = {.sa_handler = f};
    }
    return true;
  }

  bool VisitDeclRefExpr(clang::DeclRefExpr* ref) {
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); var && var->hasGlobalStorage()) {
      m_model.m_uses[var->getCanonicalDecl()].push_back(ref);
    }
    return true;
  }

  bool VisitBinaryOperator(clang::BinaryOperator* op) {
    // sa.sa_handler = on_alarm; ev.sigev_notify_function = on_tick;
    const auto* member = llvm::dyn_cast<clang::MemberExpr>(op->getLHS()->IgnoreParenImpCasts());
    if (op->getOpcode() == clang::BO_Assign && member && is_async_callback_field(*member->getMemberDecl())) {
      if (const auto* function = named_function(op->getRHS())) m_signal_roots.push_back(function);
    }
    return true;
  }

  bool VisitReturnStmt(clang::ReturnStmt* ret) {
    const auto* function = m_model.enclosing_function(*ret);
    if (!function) return true;
    const auto* var = returned_static(ret->getRetValue());
    auto [it, fresh] = m_returns.emplace(function, var);
    if (!fresh && it->second != var) it->second = nullptr;
    return true;
  }

  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr* call) {
    const auto* method = call->getMethodDecl();
    const auto* object = call->getImplicitObjectArgument();
    if (!method || !object) return true;
    if (llvm::isa<clang::CXXThisExpr>(object->IgnoreParenImpCasts())) {
      if (const auto* caller = m_model.enclosing_function(*call)) m_this_calls.emplace_back(caller, definition_of(method));
    } else if (const auto* var = static_storage_root(object)) {
      add_object(method, var);
    }
    return true;
  }

  bool VisitCallExpr(clang::CallExpr* call) {
    if (const auto* callee = call->getDirectCallee()) m_model.m_calls[callee->getCanonicalDecl()].push_back(call);
    std::string name = callee_name(*call);
    if (name_is_one_of(name, {"signal", "std::signal", "sigset", "bsd_signal"}) && call->getNumArgs() == 2) {
      if (const auto* function = named_function(call->getArg(1))) m_signal_roots.push_back(function);
    }
    if (is_run_handler(*call) && call->getNumArgs() > 0) add_run_handler(*call);
    if (name_is_one_of(name, {"std::call_once", "pthread_once"}) && call->getNumArgs() >= 2) {
      if (const auto* function = named_function(call->getArg(1))) m_model.m_once_functions.insert(function);
    }
    return true;
  }

  void finish();

private:
  void add_request_parameters(const clang::FunctionDecl& function) {
    for (const auto* param : function.parameters()) {
      if (is_request_type(param->getType())) m_model.m_request_vars.insert(param);
    }
  }

  void add_object(const clang::FunctionDecl* method, const clang::VarDecl* var) {
    auto& objects = m_model.m_objects[definition_of(method)];
    if (std::find(objects.begin(), objects.end(), var) == objects.end()) objects.push_back(var);
  }

  void collect_signal_handlers(const clang::Stmt* init) {
    if (const auto* function = named_function(llvm::dyn_cast_or_null<clang::Expr>(init))) {
      m_signal_roots.push_back(function);
      return;
    }
    for (const auto* child : init ? init->children() : clang::Stmt::const_child_range(nullptr, nullptr)) {
      collect_signal_handlers(child);
    }
  }

  void add_run_handler(const clang::CallExpr& call) {
    std::vector<const clang::LambdaExpr*> lambdas;
    collect_callables(call.getArg(0), m_handler_roots, lambdas);
    for (const auto* lambda : lambdas) {
      m_model.m_handler_lambdas.insert(lambda);
      m_handler_roots.push_back(lambda->getCallOperator());
    }
    if (const auto* main = m_model.enclosing_function(call); main && main->isMain()) m_model.m_main_split[main] = &call;
  }

  void add_main_init(const clang::FunctionDecl& main, std::vector<const clang::FunctionDecl*>& roots);
  void spread_objects_through_this();

  TuModel& m_model;
  std::vector<const clang::FunctionDecl*> m_handler_roots;
  std::vector<const clang::FunctionDecl*> m_init_roots;
  std::vector<const clang::FunctionDecl*> m_signal_roots;
  std::vector<const clang::FunctionDecl*> m_mains;
  std::vector<const clang::Expr*> m_init_exprs;
  std::unordered_map<const clang::FunctionDecl*, const clang::VarDecl*> m_returns;  // null: not always the same
  std::vector<std::pair<const clang::FunctionDecl*, const clang::FunctionDecl*>> m_this_calls;
};

void TuModel::Builder::finish() {
  m_model.m_has_handler = !m_handler_roots.empty();
  FunctionSet signal_handlers;
  for (const auto* root : m_signal_roots) signal_handlers.insert(definition_of(root));
  reach(m_signal_roots, m_model.m_signal_functions, {});
  reach(m_handler_roots, m_model.m_handler_functions, signal_handlers);
  std::vector<const clang::FunctionDecl*> init_roots = m_init_roots;
  for (const auto* init : m_init_exprs) {
    for (const auto* callee : callees_of(init)) init_roots.push_back(callee);
  }
  for (const auto* main : m_mains) add_main_init(*main, init_roots);
  reach(init_roots, m_model.m_init_functions, signal_handlers);
  for (const auto& [function, var] : m_returns) {
    if (var) m_model.m_accessors.emplace(function, var);
  }
  spread_objects_through_this();
  propagate_request_data(m_model.m_ast, m_model.m_request_vars);
}

// Code in main before run_handler is init. A main with no handler in the
// translation unit runs its own loop: before the first loop is init, the
// loop is per request; a main without a loop is init as a whole.
void TuModel::Builder::add_main_init(const clang::FunctionDecl& main, std::vector<const clang::FunctionDecl*>& roots) {
  const auto* body = llvm::dyn_cast_or_null<clang::CompoundStmt>(main.getBody());
  if (!body) return;
  auto split = m_model.m_main_split.find(&main);
  if (split != m_model.m_main_split.end()) {
    for (const auto* stmt : body->body()) {
      if (!begins_before(*stmt, *split->second, m_model.m_ast)) break;
      for (const auto* callee : callees_of(stmt)) roots.push_back(callee);
    }
    return;
  }
  if (m_model.m_has_handler) return;
  for (const auto* stmt : body->body()) {
    if (llvm::isa<clang::ForStmt, clang::WhileStmt, clang::DoStmt>(stmt)) {
      m_model.m_main_loop[&main] = stmt;
      reach(callees_of(stmt), m_model.m_handler_functions, {});
      return;
    }
    for (const auto* callee : callees_of(stmt)) roots.push_back(callee);
  }
  roots.push_back(&main);
}

// A member function called on `this` runs on the objects its caller runs on.
void TuModel::Builder::spread_objects_through_this() {
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& [caller, callee] : m_this_calls) {
      auto from = m_model.m_objects.find(definition_of(caller));
      if (from == m_model.m_objects.end()) continue;
      std::vector<const clang::VarDecl*> objects = from->second;
      for (const auto* var : objects) {
        auto& to = m_model.m_objects[callee];
        if (std::find(to.begin(), to.end(), var) != to.end()) continue;
        to.push_back(var);
        changed = true;
      }
    }
  }
}

TuModel::TuModel(clang::ASTContext& ast) : m_ast(ast) {
  Builder builder(*this);
  builder.TraverseAST(ast);  // honours the traversal scope set by the driver
  builder.finish();
}

}  // namespace sls::analyzers

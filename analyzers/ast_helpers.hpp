#pragma once
// Small questions about Clang AST nodes that several rules ask. No matchers
// here: this header is included by every rule and must stay cheap.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class DeclRefExpr;
class Expr;
class FunctionDecl;
class NamedDecl;
class QualType;
class Stmt;
class VarDecl;
}  // namespace clang

namespace sls::analyzers {

// Qualified name without inline namespaces (std::__cxx11::, std::__1::) and
// without a leading "::", e.g. "std::this_thread::sleep_for", "alarm".
std::string qualified_name(const clang::NamedDecl& decl);
std::string callee_name(const clang::CallExpr& call);
bool name_is_one_of(std::string_view name, std::initializer_list<std::string_view> names);

// A path or string known at compile time: the literal, or a prefix of it when
// only the start is literal ("/tmp/" + name).
struct LiteralText {
  std::string text;
  bool complete = false;
};
std::optional<LiteralText> literal_text(const clang::Expr* expr);
// literal_text, or else the start of a path held in a variable initialised
// from a literal that may have changed since (a mkstemp template, a buffer
// assembled in place): never complete.
std::optional<LiteralText> known_text(const clang::Expr* expr);

// The one declaration of `var` that defines it: its definition, or in C the
// last tentative definition (`static int count;` at file scope, which is a
// definition when nothing else defines the variable).
bool is_defining_declaration(const clang::VarDecl& var);

// The static-storage variable an lvalue expression is rooted at:
// g, g.field, g[i], g->x, *g (through parens and implicit casts).
const clang::VarDecl* static_storage_root(const clang::Expr* expr);

// True when the use (an lvalue of a static-storage variable, or a call that
// returns a reference to one) changes the object: assigned, incremented,
// non-const member or operator (a map's operator[] inserts), bound to a
// non-const reference or pointer argument, or bound to a local reference
// that is then used to change it.
bool is_mutating_use(const clang::Expr& use, clang::ASTContext& ast);

// True when `stmt` sits in the then-branch of an `if` (or the body of a
// std::call_once callable) whose condition names `var`: the lazy
// initialisation and validate-then-reconnect patterns.
bool is_guarded_by_check_of(const clang::Stmt& stmt, const clang::VarDecl& var, clang::ASTContext& ast);

// Narrower: the guard makes the code run once per instance (an empty() check
// of `var`, a static "loaded" flag, std::call_once), unlike a find() guard of
// a memo table that runs for every new key.
bool is_one_time_fill(const clang::Stmt& stmt, const clang::VarDecl& var, clang::ASTContext& ast);

// True when `stmt` is part of the condition of an `if`.
bool is_in_condition(const clang::Stmt& stmt, clang::ASTContext& ast);

// True for types designed to be shared and reused: mutexes, once flags,
// condition variables.
bool is_synchronisation_type(clang::QualType type);

// Calls to one of `names` inside `body`, in source order; `after` limits the
// search to calls that start after that statement.
std::vector<const clang::CallExpr*> find_calls(const clang::Stmt* body, std::initializer_list<std::string_view> names);
// Every call inside `body`.
std::vector<const clang::CallExpr*> find_calls_any(const clang::Stmt* body);
bool begins_before(const clang::Stmt& a, const clang::Stmt& b, clang::ASTContext& ast);

// True when `inner` is `outer` or one of its descendants.
bool contains_node(const clang::Stmt& outer, const clang::Stmt& inner);

// True when `stmt` contains a reference to `var`.
bool mentions(const clang::Stmt* stmt, const clang::VarDecl& var);
// The references to `var` inside `stmt`, in source order.
std::vector<const clang::DeclRefExpr*> find_references(const clang::Stmt* stmt, const clang::VarDecl& var);

// The variable a call's result is stored in: `T v = call(...)` or `v = call(...)`.
const clang::VarDecl* result_variable(const clang::CallExpr& call, clang::ASTContext& ast);

// The canonical spelling of `type` (without references) contains one of `parts`.
bool type_mentions(clang::QualType type, std::initializer_list<std::string_view> parts);

// PRNG engine types of <random> (mt19937, minstd_rand, ranlux…).
bool is_prng_engine_type(clang::QualType type);

// Calls that take a seed: an engine's construction or .seed(), srand,
// srandom, srand48, seed48, rand_r, erand48…
bool is_seeding_call(const clang::Stmt& node);
// The seeding call that `value` is (part of) an argument of, within its
// statement, or null.
const clang::Stmt* seeding_call_of(const clang::Expr& value, clang::ASTContext& ast);

// Splits an identifier into lower-case words: requestId -> {request, id}.
std::vector<std::string> identifier_words(std::string_view name);

// Case-insensitive substring test on an identifier.
bool name_contains_any(std::string_view name, std::initializer_list<std::string_view> parts);

}  // namespace sls::analyzers

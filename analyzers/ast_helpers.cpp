#include "analyzers/ast_helpers.hpp"

#include <algorithm>
#include <cctype>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"

namespace sls::analyzers {
namespace {

void erase_all(std::string& text, std::string_view part) {
  for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part)) {
    text.erase(pos, part.size());
  }
}

const clang::Expr* strip(const clang::Expr* expr) {
  while (expr) {
    expr = expr->IgnoreParenImpCasts();
    if (const auto* bind = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(expr)) {
      expr = bind->getSubExpr();
    } else if (const auto* mat = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(expr)) {
      expr = mat->getSubExpr();
    } else if (const auto* cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(expr)) {
      expr = cleanups->getSubExpr();
    } else if (const auto* functional = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(expr)) {
      expr = functional->getSubExpr();
    } else {
      return expr;
    }
  }
  return expr;
}

std::optional<LiteralText> literal_of_construct(const clang::CXXConstructExpr& construct) {
  // std::string("..."), std::filesystem::path("..."), std::string_view("...")
  if (construct.getNumArgs() == 0) return std::nullopt;
  return literal_text(construct.getArg(0));
}

std::optional<LiteralText> literal_of_concat(const clang::Expr& lhs, const clang::Expr& rhs) {
  auto left = literal_text(&lhs);
  if (!left) return std::nullopt;
  if (!left->complete) return left;
  auto right = literal_text(&rhs);
  if (!right) return LiteralText{left->text, false};
  return LiteralText{left->text + right->text, right->complete};
}

}  // namespace

std::string qualified_name(const clang::NamedDecl& decl) {
  std::string name = decl.getQualifiedNameAsString();
  erase_all(name, "__cxx11::");
  erase_all(name, "__1::");
  if (name.starts_with("::")) name.erase(0, 2);
  return name;
}

std::string callee_name(const clang::CallExpr& call) {
  if (const auto* callee = call.getDirectCallee()) return qualified_name(*callee);
  return {};
}

bool name_is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<LiteralText> literal_text(const clang::Expr* expr) {
  expr = strip(expr);
  if (!expr) return std::nullopt;
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(expr);
      call && callee_name(*call) == "std::filesystem::temp_directory_path") {
    return LiteralText{"/tmp", false};  // $TMPDIR, unset on the platform (docs/design.md §7)
  }
  if (const auto* literal = llvm::dyn_cast<clang::StringLiteral>(expr)) {
    if (literal->getCharByteWidth() != 1) return std::nullopt;
    return LiteralText{literal->getString().str(), true};
  }
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(expr)) {
    return literal_of_construct(*construct);
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(expr)) {
    auto kind = op->getOperator();
    if ((kind == clang::OO_Plus || kind == clang::OO_Slash) && op->getNumArgs() == 2) {
      auto result = literal_of_concat(*op->getArg(0), *op->getArg(1));
      if (result && kind == clang::OO_Slash && result->complete) {
        // fs::path("/tmp") / "x" inserts a separator.
        auto right = literal_text(op->getArg(1));
        auto left = literal_text(op->getArg(0));
        result->text = left->text + (left->text.ends_with("/") ? "" : "/") + right->text;
      }
      return result;
    }
  }
  if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(expr)) {
    // s.c_str(), s.data(), p.string(), p.c_str()
    const auto* method = member->getMethodDecl();
    bool conversion = method && llvm::isa<clang::CXXConversionDecl>(method);  // string -> string_view
    if (method && (conversion || name_is_one_of(method->getNameAsString(), {"c_str", "data", "string", "native"}))) {
      return literal_text(member->getImplicitObjectArgument());
    }
  }
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr)) {
    // A constant initialised from a literal: constexpr const char* k_path = "...";
    const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (var && var->getType().isConstQualified() && var->getInit()) return literal_text(var->getInit());
    if (var && var->getType()->isPointerType() && var->getType()->getPointeeType().isConstQualified() &&
        var->getInit() && var->isConstexpr()) {
      return literal_text(var->getInit());
    }
  }
  return std::nullopt;
}

std::optional<LiteralText> known_text(const clang::Expr* expr) {
  if (auto literal = literal_text(expr)) return literal;
  expr = strip(expr);
  if (const auto* construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(expr);
      construct && construct->getNumArgs() > 0) {
    expr = strip(construct->getArg(0));  // fs::path(buffer)
  }
  if (const auto* call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(expr)) {
    expr = strip(call->getImplicitObjectArgument());  // s.c_str(), s.data()
  }
  const auto* ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(expr);
  const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->getInit()) return std::nullopt;
  auto literal = literal_text(var->getInit());
  if (literal) literal->complete = false;
  return literal;
}

bool is_defining_declaration(const clang::VarDecl& var) {
  auto kind = var.isThisDeclarationADefinition();
  if (kind == clang::VarDecl::Definition) return true;
  return kind == clang::VarDecl::TentativeDefinition && var.getActingDefinition() == &var;
}

const clang::VarDecl* static_storage_root(const clang::Expr* expr) {
  while (expr) {
    expr = strip(expr);
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr)) {
      const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
      return var && var->hasGlobalStorage() ? var : nullptr;
    }
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(expr)) {
      expr = member->getBase();
    } else if (const auto* subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(expr)) {
      expr = subscript->getBase();
    } else if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(expr);
               unary && unary->getOpcode() == clang::UO_Deref) {
      expr = unary->getSubExpr();
    } else if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(expr);
               op &&
               (op->getOperator() == clang::OO_Subscript || op->getOperator() == clang::OO_Arrow ||
                op->getOperator() == clang::OO_Star) &&
               op->getNumArgs() >= 1) {
      expr = op->getArg(0);
    } else if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(expr);
               call && call->getMethodDecl() &&
               name_is_one_of(call->getMethodDecl()->getNameAsString(), {"at", "front", "back", "get", "value"})) {
      expr = call->getImplicitObjectArgument();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

bool type_mentions(clang::QualType type, std::initializer_list<std::string_view> parts) {
  std::string name = type.getNonReferenceType().getCanonicalType().getAsString();
  return std::any_of(parts.begin(), parts.end(),
                     [&](std::string_view part) { return name.find(part) != std::string::npos; });
}

// Calls that take a seed: the C generators and the PRNG engines of <random>.
bool is_seeding_call(const clang::Stmt& node) {
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(&node))
    return is_prng_engine_type(construct->getType());
  if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(&node)) {
    const auto* method = member->getMethodDecl();
    return method && method->getName() == "seed" && is_prng_engine_type(member->getObjectType());
  }
  const auto* call = llvm::dyn_cast<clang::CallExpr>(&node);
  return call && name_is_one_of(callee_name(*call), {"srand", "std::srand", "srandom", "srand48", "seed48", "rand_r",
                                                     "erand48", "nrand48", "jrand48"});
}

// The seeding call (engine construction, engine.seed, srand…) that `value`
// is an argument of, within its statement.
const clang::Stmt* seeding_call_of(const clang::Expr& value, clang::ASTContext& ast) {
  clang::DynTypedNode node = clang::DynTypedNode::create(value);
  for (int depth = 0; depth < 16; ++depth) {
    auto parents = ast.getParents(node);
    if (parents.empty() || parents[0].get<clang::CompoundStmt>()) return nullptr;
    if (const auto* stmt = parents[0].get<clang::Stmt>(); stmt && is_seeding_call(*stmt)) return stmt;
    node = parents[0];
  }
  return nullptr;
}

bool is_prng_engine_type(clang::QualType type) {
  return type_mentions(type, {"mersenne_twister_engine", "linear_congruential_engine", "subtract_with_carry_engine",
                              "discard_block_engine", "shuffle_order_engine", "independent_bits_engine"});
}

std::vector<std::string> identifier_words(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool boundary = c == '_' || (std::isupper(static_cast<unsigned char>(c)) && i > 0 &&
                                 std::islower(static_cast<unsigned char>(name[i - 1])));
    if (boundary && !current.empty()) {
      words.push_back(current);
      current.clear();
    }
    if (c != '_') current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!current.empty()) words.push_back(current);
  return words;
}

bool name_contains_any(std::string_view name, std::initializer_list<std::string_view> parts) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::any_of(parts.begin(), parts.end(),
                     [&](std::string_view part) { return lower.find(part) != std::string::npos; });
}

}  // namespace sls::analyzers

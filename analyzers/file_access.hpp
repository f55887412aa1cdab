#pragma once
// Recognises the ways a function touches a file by path (fopen, open,
// std::ifstream/ofstream/fstream, std::filesystem, sls::asset, mkdir,
// rename…), so sls-write-outside-tmp, sls-tmp-lifecycle and sls-dynamic-path
// (which also records traced assets) agree on what a file access is.

#include <optional>
#include <string>

#include "analyzers/ast_helpers.hpp"
#include "analyzers/finding.hpp"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang {
class ASTContext;
class Expr;
class Stmt;
}  // namespace clang

namespace sls::analyzers {

enum class AccessMode { Read, Write };

struct FileAccess {
  const clang::Expr* path = nullptr;  // the path argument
  const clang::Stmt* site = nullptr;  // the call or construction
  AccessMode mode = AccessMode::Read;
  AssetKind kind = AssetKind::CFile;
  std::string function;  // fopen, std::ofstream, mkdir…
};

// The accesses performed by `node` (a CallExpr or CXXConstructExpr); a call
// such as rename() both reads and writes. Empty when it is no file access.
std::vector<FileAccess> file_accesses(const clang::Stmt& node, clang::ASTContext& ast);

// Paths that are not files of the deployment: /dev, /proc, /sys.
bool is_special_path(std::string_view path);
bool is_tmp_path(std::string_view path);
// A written path whose known start puts it outside /tmp ("out/" + name,
// "results.json"): sls-write-outside-tmp reports it.
bool is_known_outside_tmp(const LiteralText& path);

}  // namespace sls::analyzers

namespace sls::analyzers {

// Registers matchers for every file access in the main file; each match binds
// the call or construction as "access".
void add_file_access_matchers(clang::ast_matchers::MatchFinder& finder,
                              clang::ast_matchers::MatchFinder::MatchCallback* callback);

}  // namespace sls::analyzers

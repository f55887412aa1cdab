#include "analyzers/file_access.hpp"

#include <fcntl.h>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace sls::analyzers {
namespace {

AccessMode fopen_mode(const clang::CallExpr& call, unsigned mode_index) {
  auto mode = call.getNumArgs() > mode_index ? literal_text(call.getArg(mode_index)) : std::nullopt;
  if (mode && mode->text.find_first_of("wa+") != std::string::npos) return AccessMode::Write;
  return AccessMode::Read;
}

AccessMode open_mode(const clang::CallExpr& call, unsigned flags_index, clang::ASTContext& ast) {
  clang::Expr::EvalResult flags;
  if (call.getNumArgs() > flags_index && call.getArg(flags_index)->EvaluateAsInt(flags, ast)) {
    auto value = flags.Val.getInt().getExtValue();
    if (value & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) return AccessMode::Write;
  }
  return AccessMode::Read;
}

FileAccess make(const clang::Stmt& site, const clang::Expr* path, AccessMode mode, AssetKind kind,
                std::string function) {
  return FileAccess{path, &site, mode, kind, std::move(function)};
}

std::vector<FileAccess> call_accesses(const clang::CallExpr& call, clang::ASTContext& ast) {
  std::string name = callee_name(call);
  unsigned args = call.getNumArgs();
  auto arg = [&](unsigned i) { return i < args ? call.getArg(i) : nullptr; };
  if (args == 0) return {};
  if (name == "fopen" || name == "fopen64" || name == "freopen") {
    return {make(call, arg(0), fopen_mode(call, 1), AssetKind::CFile, name)};
  }
  if (name == "open" || name == "open64")
    return {make(call, arg(0), open_mode(call, 1, ast), AssetKind::PosixOpen, name)};
  if (name == "openat" || name == "openat64") {
    return {make(call, arg(1), open_mode(call, 2, ast), AssetKind::PosixOpen, name)};
  }
  if (name == "sls::asset") return {make(call, arg(0), AccessMode::Read, AssetKind::SlsAsset, name)};
  if (name_is_one_of(
          name, {"creat", "mkdir", "rmdir", "unlink", "remove", "truncate", "mkfifo", "std::remove",
                 "std::filesystem::create_directory", "std::filesystem::create_directories", "std::filesystem::remove",
                 "std::filesystem::remove_all", "std::filesystem::resize_file"})) {
    return {make(call, arg(0), AccessMode::Write, AssetKind::Filesystem, name)};
  }
  if (name_is_one_of(name, {"rename", "std::rename", "std::filesystem::rename", "link", "symlink"})) {
    return {make(call, arg(1), AccessMode::Write, AssetKind::Filesystem, name)};
  }
  if (name_is_one_of(name, {"std::filesystem::copy", "std::filesystem::copy_file"}) && args >= 2) {
    return {make(call, arg(0), AccessMode::Read, AssetKind::Filesystem, name),
            make(call, arg(1), AccessMode::Write, AssetKind::Filesystem, name)};
  }
  if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(&call); member && name.ends_with("::open")) {
    const auto* record = member->getRecordDecl();
    std::string stream = record ? qualified_name(*record) : "";
    if (stream == "std::basic_ifstream")
      return {make(call, arg(0), AccessMode::Read, AssetKind::Stream, "std::ifstream")};
    if (stream == "std::basic_ofstream")
      return {make(call, arg(0), AccessMode::Write, AssetKind::Stream, "std::ofstream")};
    if (stream == "std::basic_fstream")
      return {make(call, arg(0), AccessMode::Write, AssetKind::Stream, "std::fstream")};
  }
  return {};
}

// std::fstream opened without ios::out (0x10) only reads.
AccessMode fstream_mode(const clang::CXXConstructExpr& construct, clang::ASTContext& ast) {
  clang::Expr::EvalResult mode;
  if (construct.getNumArgs() > 1 && construct.getArg(1)->EvaluateAsInt(mode, ast)) {
    return (mode.Val.getInt().getExtValue() & 0x10) ? AccessMode::Write : AccessMode::Read;
  }
  return AccessMode::Write;
}

std::vector<FileAccess> construct_accesses(const clang::CXXConstructExpr& construct, clang::ASTContext& ast) {
  if (construct.getNumArgs() == 0 || construct.getConstructor()->isCopyOrMoveConstructor()) return {};
  const auto* path = construct.getArg(0);
  if (path->getType()->isRecordType() &&
      path->getType()->getAsCXXRecordDecl() == construct.getConstructor()->getParent()) {
    return {};
  }
  std::string record = qualified_name(*construct.getConstructor()->getParent());
  if (record == "std::basic_ifstream")
    return {make(construct, path, AccessMode::Read, AssetKind::Stream, "std::ifstream")};
  if (record == "std::basic_ofstream")
    return {make(construct, path, AccessMode::Write, AssetKind::Stream, "std::ofstream")};
  if (record == "std::basic_fstream") {
    return {make(construct, path, fstream_mode(construct, ast), AssetKind::Stream, "std::fstream")};
  }
  if (record == "std::filesystem::directory_iterator" || record == "std::filesystem::recursive_directory_iterator") {
    return {make(construct, path, AccessMode::Read, AssetKind::Filesystem, record)};
  }
  return {};
}

}  // namespace

std::vector<FileAccess> file_accesses(const clang::Stmt& node, clang::ASTContext& ast) {
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(&node)) return call_accesses(*call, ast);
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(&node))
    return construct_accesses(*construct, ast);
  return {};
}

bool is_special_path(std::string_view path) {
  return path.starts_with("/dev/") || path.starts_with("/proc/") || path.starts_with("/sys/") || path == "/dev" ||
         path == "/proc";
}

bool is_tmp_path(std::string_view path) { return path == "/tmp" || path.starts_with("/tmp/"); }

bool is_known_outside_tmp(const LiteralText& path) {
  if (path.text.empty() || is_tmp_path(path.text) || is_special_path(path.text)) return false;
  // A literal prefix that stops inside the first component ("/t" + x) proves nothing.
  return path.complete || path.text.find('/', 1) != std::string::npos || path.text == "/";
}

}  // namespace sls::analyzers

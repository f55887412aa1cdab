#include "analyzers/file_access.hpp"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace sls::analyzers {

using namespace clang::ast_matchers;

void add_file_access_matchers(MatchFinder& finder, MatchFinder::MatchCallback* callback) {
  auto streams = hasAnyName("::std::basic_ifstream", "::std::basic_ofstream", "::std::basic_fstream");
  finder.addMatcher(
      callExpr(isExpansionInMainFile(),
               callee(functionDecl(hasAnyName(
                   "::fopen", "::fopen64", "::freopen", "::open", "::open64", "::openat", "::openat64", "::sls::asset",
                   "::creat", "::mkdir", "::rmdir", "::unlink", "::remove", "::truncate", "::mkfifo", "::rename",
                   "::link", "::symlink", "::std::remove", "::std::rename", "::std::filesystem::create_directory",
                   "::std::filesystem::create_directories", "::std::filesystem::remove",
                   "::std::filesystem::remove_all", "::std::filesystem::resize_file", "::std::filesystem::rename",
                   "::std::filesystem::copy", "::std::filesystem::copy_file"))))
          .bind("access"),
      callback);
  finder.addMatcher(cxxMemberCallExpr(isExpansionInMainFile(), callee(cxxMethodDecl(hasName("open"), ofClass(streams))))
                        .bind("access"),
                    callback);
  finder.addMatcher(cxxConstructExpr(isExpansionInMainFile(),
                                     hasDeclaration(cxxConstructorDecl(ofClass(anyOf(
                                         streams, hasAnyName("::std::filesystem::directory_iterator",
                                                             "::std::filesystem::recursive_directory_iterator"))))))
                        .bind("access"),
                    callback);
}

}  // namespace sls::analyzers

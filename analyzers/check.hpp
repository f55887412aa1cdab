#pragma once
// The base of every rule implementation, after clang-tidy's ClangTidyCheck:
// a check registers its matchers once, is called back for each match, and
// may finish its analysis at the end of the translation unit (rules that
// must see every use of a global before deciding). Matchers are registered in
// one place and findings reported through CheckContext in another.

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/finding.hpp"
#include "analyzers/tu_model.hpp"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceLocation.h"

namespace sls::analyzers {

// Everything a check may touch while a translation unit is analysed.
class CheckContext {
public:
  CheckContext(clang::ASTContext& ast, const TuModel& model, std::string display_path);

  clang::ASTContext& ast() const { return m_ast; }
  const TuModel& model() const { return m_model; }

  // Adds a finding at `loc` (macro locations are mapped to where the macro is
  // used). Returns null when the location is not in the main file: findings in
  // headers belong to the translation units of those headers' own functions.
  Finding* report(std::string_view rule_id, clang::SourceLocation loc, std::string message);
  void add_note(Finding* finding, clang::SourceLocation loc, std::string message);
  void add_fixit(Finding* finding, clang::SourceRange token_range, std::string replacement);
  void add_asset(std::string path, AssetKind kind, clang::SourceLocation loc);
  void add_failure(std::string message);

  std::vector<Finding> take_findings() { return {m_findings.begin(), m_findings.end()}; }
  std::vector<TracedAsset> take_assets() { return std::move(m_assets); }
  std::vector<std::string> take_failures() { return std::move(m_failures); }

private:
  bool position_of(clang::SourceLocation loc, SourcePosition& position, unsigned* token_end) const;

  clang::ASTContext& m_ast;
  const TuModel& m_model;
  std::string m_display_path;
  std::deque<Finding> m_findings;  // stable addresses: report() hands out pointers
  std::vector<TracedAsset> m_assets;
  std::vector<std::string> m_failures;
};

class Check : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  explicit Check(std::string_view rule_id) : m_rule_id(rule_id) {}
  std::string_view rule_id() const { return m_rule_id; }

  virtual void register_matchers(clang::ast_matchers::MatchFinder& finder) = 0;

  // Called by the driver around each translation unit.
  void start_translation_unit(CheckContext& context);
  void finish_translation_unit();

  // libTooling calls this; it forwards to check() and keeps exceptions from
  // crossing back into Clang, which is built without them.
  void run(const clang::ast_matchers::MatchFinder::MatchResult& result) final;

protected:
  virtual void check(const clang::ast_matchers::MatchFinder::MatchResult& result) = 0;
  virtual void on_end_of_translation_unit() {}

  CheckContext& context() const { return *m_context; }
  const TuModel& model() const { return m_context->model(); }
  clang::ASTContext& ast() const { return m_context->ast(); }
  Finding* report(clang::SourceLocation loc, std::string message) {
    return m_context->report(m_rule_id, loc, std::move(message));
  }

private:
  std::string_view m_rule_id;
  CheckContext* m_context = nullptr;
};

}  // namespace sls::analyzers

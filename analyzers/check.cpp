#include "analyzers/check.hpp"

#include <exception>

#include "analyzers/rule_registry.hpp"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace sls::analyzers {

CheckContext::CheckContext(clang::ASTContext& ast, const TuModel& model, std::string display_path)
    : m_ast(ast), m_model(model), m_display_path(std::move(display_path)) {}

bool CheckContext::position_of(clang::SourceLocation loc, SourcePosition& position, unsigned* token_end) const {
  const auto& sources = m_ast.getSourceManager();
  if (loc.isInvalid()) return false;
  loc = sources.getFileLoc(loc);
  if (!sources.isWrittenInMainFile(loc)) return false;
  position.path = m_display_path;
  position.line = sources.getSpellingLineNumber(loc);
  position.column = sources.getSpellingColumnNumber(loc);
  if (token_end) {
    unsigned length = clang::Lexer::MeasureTokenLength(loc, sources, m_ast.getLangOpts());
    *token_end = position.column + (length > 0 ? length : 1);
  }
  return true;
}

Finding* CheckContext::report(std::string_view rule_id, clang::SourceLocation loc, std::string message) {
  Finding finding;
  if (!position_of(loc, finding.position, &finding.end_column)) return nullptr;
  finding.rule_id = std::string(rule_id);
  finding.message = std::move(message);
  if (const auto* rule = find_rule(rule_id)) finding.rationale = std::string(rule->rationale);
  const auto& sources = m_ast.getSourceManager();
  auto file_loc = sources.getFileLoc(loc);
  auto [file, offset] = sources.getDecomposedLoc(file_loc);
  llvm::StringRef buffer = sources.getBufferData(file);
  size_t begin = buffer.rfind('\n', offset == 0 ? 0 : offset - 1);
  begin = (begin == llvm::StringRef::npos || offset == 0) ? 0 : begin + 1;
  size_t end = buffer.find('\n', offset);
  finding.source_line = buffer.slice(begin, end).rtrim("\r").str();
  m_findings.push_back(std::move(finding));
  return &m_findings.back();
}

void CheckContext::add_note(Finding* finding, clang::SourceLocation loc, std::string message) {
  if (!finding) return;
  Note note;
  if (!position_of(loc, note.position, nullptr)) note.position = finding->position;
  note.message = std::move(message);
  finding->notes.push_back(std::move(note));
}

void CheckContext::add_fixit(Finding* finding, clang::SourceRange token_range, std::string replacement) {
  if (!finding) return;
  FixIt fixit;
  unsigned end = 0;
  if (!position_of(token_range.getBegin(), fixit.begin, &end)) return;
  SourcePosition last;
  unsigned last_end = 0;
  if (!position_of(token_range.getEnd(), last, &last_end) || last.line != fixit.begin.line) return;
  fixit.end_column = last_end;
  fixit.replacement = std::move(replacement);
  finding->fixits.push_back(std::move(fixit));
}

void CheckContext::add_asset(std::string path, AssetKind kind, clang::SourceLocation loc) {
  TracedAsset asset;
  if (!position_of(loc, asset.position, nullptr)) return;
  asset.path = std::move(path);
  asset.kind = kind;
  m_assets.push_back(std::move(asset));
}

void CheckContext::add_failure(std::string message) { m_failures.push_back(std::move(message)); }

void Check::start_translation_unit(CheckContext& context) { m_context = &context; }

void Check::finish_translation_unit() {
  try {
    on_end_of_translation_unit();
  } catch (const std::exception& error) {
    m_context->add_failure(std::string(m_rule_id) + ": " + error.what());
  } catch (...) {
    m_context->add_failure(std::string(m_rule_id) + ": unknown error");
  }
  m_context = nullptr;
}

void Check::run(const clang::ast_matchers::MatchFinder::MatchResult& result) {
  try {
    check(result);
  } catch (const std::exception& error) {
    m_context->add_failure(std::string(m_rule_id) + ": " + error.what());
  } catch (...) {
    m_context->add_failure(std::string(m_rule_id) + ": unknown error");
  }
}

}  // namespace sls::analyzers

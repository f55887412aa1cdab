#pragma once
// What the language server asks of the analyzers: lint one document as the
// editor holds it. An interface so tests can script the findings.

#include <filesystem>
#include <string>

#include "analyzers/lint.hpp"

namespace sls::lsp {

struct DocumentLint {
  analyzers::LintReport report;
  std::string display_path;            // how the report names the document
  std::filesystem::path project_root;  // what other display paths are relative to
  bool linted = false;                 // false: not part of an sls project's build (a header, a stray file)
};

class Linter {
public:
  virtual ~Linter() = default;
  virtual DocumentLint lint(const std::filesystem::path& file, const std::string& text) = 0;
};

// The real one: finds the project around a C or C++ source (project_root_for),
// compiles with exactly the flags `sls build` uses (compile_commands_for) and applies [lint] from sls.toml.
class ProjectLinter final : public Linter {
public:
  DocumentLint lint(const std::filesystem::path& file, const std::string& text) override;
};

}  // namespace sls::lsp

#pragma once
// `sls lint --fix` and `--fix-dry-run`: the fix-its of a lint report applied
// to the files they belong to (docs/lint.md#fixes).

#include <filesystem>
#include <iosfwd>
#include <vector>

#include "analyzers/lint.hpp"

namespace sls::cli {

enum class FixMode { Apply, DryRun };

// One project's jobs and the report they produced.
struct FixTarget {
  std::filesystem::path root;
  analyzers::LintOptions options;
  std::vector<analyzers::LintJob> jobs;
};

// Applies (or diffs, on `diff_out`) every fix-it of `report` that belongs to
// one of `target`'s files. Per file, all or nothing: the fixed text is linted
// again and a file whose fixed text would not parse is left untouched and
// reported. With Apply, the findings of fixed files in `report` are replaced
// by those of the re-lint. A summary goes to `summary_out`. False when some
// file could not be fixed.
bool apply_fixes(const FixTarget& target, analyzers::LintReport& report, FixMode mode, std::ostream& diff_out,
                 std::ostream& summary_out);

}  // namespace sls::cli

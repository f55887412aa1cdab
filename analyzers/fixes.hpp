#pragma once
// Applying fix-its to a file's text, for `sls lint --fix`, and showing the
// change as a unified diff, for `--fix-dry-run` (docs/lint.md#fixes).
// Clang-free: fix-its are plain data (finding.hpp).

#include <string>
#include <vector>

#include "analyzers/finding.hpp"
#include "core/expected.hpp"

namespace sls::analyzers {

// `text` with every fix-it applied. All or nothing: a fix-it outside the
// text or overlapping another makes the whole set an error.
Expected<std::string> apply_fixits(const std::string& text, const std::vector<FixIt>& fixits);

// A unified diff (3 lines of context) from `before` to `after`, headed
// `--- a/PATH` / `+++ b/PATH` so `git apply` takes it from the project root.
// Empty when the texts are equal.
std::string unified_diff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace sls::analyzers

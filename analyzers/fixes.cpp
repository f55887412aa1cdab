// Fix-its are byte ranges on one line each ([column, end_column) of 1-based
// line, columns in bytes). They are turned into offsets of the whole text,
// sorted, checked for overlaps, and applied from the last to the first so
// earlier offsets stay valid.
//
// The diff: when the texts have the same number of lines (every fix-it sls
// makes today replaces a token), changed lines are found line by line and
// grouped into hunks with 3 lines of context, as `diff -u` does. Otherwise the
// changed block between the common first and last lines is one hunk: still a
// valid patch, only less tight.

#include "analyzers/fixes.hpp"

#include <algorithm>

namespace sls::analyzers {
namespace {

struct Edit {
  std::size_t begin = 0, end = 0;
  const std::string* replacement = nullptr;
};

// Offsets of the first byte of each line.
std::vector<std::size_t> line_starts(const std::string& text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  return starts;
}

Expected<Edit> edit_of(const FixIt& fix, const std::string& text, const std::vector<std::size_t>& starts) {
  auto where = [&] { return fix.begin.path + ":" + std::to_string(fix.begin.line) + ":" + std::to_string(fix.begin.column); };
  if (fix.begin.line == 0 || fix.begin.line > starts.size() || fix.begin.column == 0)
    return make_error("fix-it at " + where() + " is outside the file");
  std::size_t line_begin = starts[fix.begin.line - 1];
  std::size_t line_end = text.find('\n', line_begin);
  if (line_end == std::string::npos) line_end = text.size();
  std::size_t begin = line_begin + fix.begin.column - 1;
  std::size_t end = fix.end_column > fix.begin.column ? line_begin + fix.end_column - 1 : begin;
  if (end > line_end) return make_error("fix-it at " + where() + " runs past the end of its line");
  return Edit{begin, end, &fix.replacement};
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size() - 1;
    lines.push_back(text.substr(start, end - start + 1));
    start = end + 1;
  }
  return lines;
}

// One line of a hunk, with git's marker for a last line without a newline.
void emit(std::string& out, char marker, const std::string& line) {
  out += marker;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

struct Hunk {
  std::size_t old_begin = 0, old_end = 0;  // [begin, end) of old lines, context included
  std::size_t new_begin = 0, new_end = 0;
};

void emit_hunk(std::string& out, const Hunk& hunk, const std::vector<std::string>& before,
               const std::vector<std::string>& after, const std::vector<bool>& changed) {
  auto range = [](std::size_t begin, std::size_t end) {
    std::size_t count = end - begin;
    return std::to_string(count == 0 ? begin : begin + 1) + "," + std::to_string(count);
  };
  out += "@@ -" + range(hunk.old_begin, hunk.old_end) + " +" + range(hunk.new_begin, hunk.new_end) + " @@\n";
  if (!changed.empty()) {  // same line count: changed lines are paired
    for (std::size_t i = hunk.old_begin; i < hunk.old_end; ++i) {
      if (!changed[i]) {
        emit(out, ' ', before[i]);
        continue;
      }
      std::size_t last = i;
      while (last < hunk.old_end && changed[last]) ++last;
      for (std::size_t j = i; j < last; ++j) emit(out, '-', before[j]);
      for (std::size_t j = i; j < last; ++j) emit(out, '+', after[j]);
      i = last - 1;
    }
    return;
  }
  std::size_t context_before = 0;
  while (hunk.old_begin + context_before < hunk.old_end && hunk.new_begin + context_before < hunk.new_end &&
         before[hunk.old_begin + context_before] == after[hunk.new_begin + context_before])
    ++context_before;
  std::size_t context_after = 0;
  while (context_after < hunk.old_end - hunk.old_begin - context_before &&
         context_after < hunk.new_end - hunk.new_begin - context_before &&
         before[hunk.old_end - 1 - context_after] == after[hunk.new_end - 1 - context_after])
    ++context_after;
  for (std::size_t i = 0; i < context_before; ++i) emit(out, ' ', before[hunk.old_begin + i]);
  for (std::size_t i = hunk.old_begin + context_before; i < hunk.old_end - context_after; ++i) emit(out, '-', before[i]);
  for (std::size_t i = hunk.new_begin + context_before; i < hunk.new_end - context_after; ++i) emit(out, '+', after[i]);
  for (std::size_t i = hunk.old_end - context_after; i < hunk.old_end; ++i) emit(out, ' ', before[i]);
}

constexpr std::size_t k_context = 3;

}  // namespace

Expected<std::string> apply_fixits(const std::string& text, const std::vector<FixIt>& fixits) {
  std::vector<std::size_t> starts = line_starts(text);
  std::vector<Edit> edits;
  for (const FixIt& fix : fixits) {
    auto edit = edit_of(fix, text, starts);
    if (!edit) return edit.error();
    edits.push_back(*edit);
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  for (std::size_t i = 1; i < edits.size(); ++i)
    if (edits[i].begin < edits[i - 1].end || (edits[i].begin == edits[i - 1].begin && edits[i].begin == edits[i].end))
      return make_error("two fix-its change the same text at byte " + std::to_string(edits[i].begin));
  std::string result = text;
  for (auto edit = edits.rbegin(); edit != edits.rend(); ++edit)
    result.replace(edit->begin, edit->end - edit->begin, *edit->replacement);
  return result;
}

std::string unified_diff(const std::string& path, const std::string& before_text, const std::string& after_text) {
  if (before_text == after_text) return "";
  std::vector<std::string> before = split_lines(before_text), after = split_lines(after_text);
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  if (before.size() != after.size()) {
    std::size_t prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
      ++suffix;
    std::size_t lead = std::min(prefix, k_context), trail = std::min(suffix, k_context);
    emit_hunk(out, {prefix - lead, before.size() - suffix + trail, prefix - lead, after.size() - suffix + trail}, before,
              after, {});
    return out;
  }
  std::vector<bool> changed(before.size());
  for (std::size_t i = 0; i < before.size(); ++i) changed[i] = before[i] != after[i];
  for (std::size_t i = 0; i < before.size();) {
    if (!changed[i]) {
      ++i;
      continue;
    }
    Hunk hunk;
    hunk.old_begin = i >= k_context ? i - k_context : 0;
    std::size_t last_change = i;
    for (std::size_t j = i; j < before.size() && j <= last_change + 2 * k_context; ++j)
      if (changed[j]) last_change = j;
    hunk.old_end = std::min(before.size(), last_change + 1 + k_context);
    hunk.new_begin = hunk.old_begin;
    hunk.new_end = hunk.old_end;
    emit_hunk(out, hunk, before, after, changed);
    i = hunk.old_end;
  }
  return out;
}

}  // namespace sls::analyzers

#pragma once
// Plain data the analyzers produce. Formatters and the build read only these
// types, so nothing here depends on Clang.

#include <string>
#include <vector>

namespace sls::analyzers {

enum class Severity { Off, Note, Warning, Error };

// A place in a project file. Lines and columns are 1-based; columns count bytes.
struct SourcePosition {
  std::string path;  // project-relative display path
  unsigned line = 0;
  unsigned column = 0;
};

// A replacement the user can apply safely: [begin, end) on one line.
struct FixIt {
  SourcePosition begin;
  unsigned end_column = 0;
  std::string replacement;
};

struct Note {
  SourcePosition position;
  std::string message;
};

struct Finding {
  std::string rule_id;
  Severity severity = Severity::Warning;
  SourcePosition position;
  unsigned end_column = 0;  // end of the highlighted token on the same line (exclusive), 0 = none
  std::string message;      // what was found
  std::string rationale;    // why it matters in this execution model
  std::string source_line;  // the text of the line, for the caret display
  std::vector<Note> notes;  // related places (a write site, a creation site…)
  std::vector<FixIt> fixits;
  // Set by a rule for the milder form of its hazard: the finding is reported
  // one step below the rule's severity (error -> warning -> note).
  bool lowered = false;
};

// A translation unit that could not be analysed (it did not parse).
struct FileFailure {
  std::string path;     // display path
  std::string message;  // first compiler errors, GNU-formatted
};

// A file path the function reads, seen as a literal in its source; the
// bundler ships these (docs/design.md §6).
enum class AssetKind { SlsAsset, CFile, PosixOpen, Stream, Filesystem };

struct TracedAsset {
  std::string path;  // the literal, as written
  AssetKind kind = AssetKind::CFile;
  SourcePosition position;
};

const char* severity_name(Severity severity);
const char* asset_kind_name(AssetKind kind);

}  // namespace sls::analyzers

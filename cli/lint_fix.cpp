// The fix loop of `sls lint --fix`, per file: collect the fix-its of its
// findings, apply them all to the text on disk (analyzers/fixes.cpp), lint the
// fixed text again as an unsaved buffer, and only when it parses rewrite the
// file atomically (temp file + rename, mode kept). The re-lint's findings
// replace the file's old ones in the report, so what is printed and the exit
// status describe the file as it now is.

#include "cli/lint_fix.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <tuple>

#include "analyzers/fixes.hpp"
#include "core/file_system.hpp"

namespace sls::cli {
namespace fs = std::filesystem;
namespace lint = sls::analyzers;

namespace {

struct FileFixes {
  std::vector<lint::FixIt> fixits;
  std::set<std::string> rules;
};

std::map<std::string, FileFixes> fixes_by_file(const lint::LintReport& report) {
  std::map<std::string, FileFixes> by_file;
  for (const lint::Finding& finding : report.findings) {
    for (const lint::FixIt& fix : finding.fixits) {
      if (fix.begin.path != finding.position.path) continue;  // only fixes of the file the finding is in
      by_file[finding.position.path].fixits.push_back(fix);
      by_file[finding.position.path].rules.insert(finding.rule_id);
    }
  }
  return by_file;
}

const lint::LintJob* job_for(const FixTarget& target, const std::string& display_path) {
  auto found = std::find_if(target.jobs.begin(), target.jobs.end(),
                            [&](const lint::LintJob& job) { return job.display_path == display_path; });
  return found == target.jobs.end() ? nullptr : &*found;
}

std::string joined(const std::set<std::string>& rules) {
  std::string text;
  for (const std::string& rule : rules) text += (text.empty() ? "" : ", ") + rule;
  return text;
}

// The report's findings for `path` replaced by `fresh`'s.
void replace_findings(lint::LintReport& report, const std::string& path, lint::LintReport&& fresh) {
  std::erase_if(report.findings, [&](const lint::Finding& finding) { return finding.position.path == path; });
  for (lint::Finding& finding : fresh.findings)
    if (finding.position.path == path) report.findings.push_back(std::move(finding));
  std::stable_sort(report.findings.begin(), report.findings.end(), [](const lint::Finding& a, const lint::Finding& b) {
    return std::tie(a.position.path, a.position.line, a.position.column) <
           std::tie(b.position.path, b.position.line, b.position.column);
  });
}

}  // namespace

bool apply_fixes(const FixTarget& target, lint::LintReport& report, FixMode mode, std::ostream& diff_out,
                 std::ostream& summary_out) {
  bool all_fixed = true;
  const char* verb = mode == FixMode::Apply ? "fixed" : "would fix";
  for (const auto& [path, fixes] : fixes_by_file(report)) {
    const lint::LintJob* job = job_for(target, path);
    if (!job) continue;  // another project's file
    auto refuse = [&](const std::string& why) {
      summary_out << "sls lint --fix: " << path << ": not fixed, left untouched: " << why << "\n";
      all_fixed = false;
    };
    auto original = read_file(job->file);
    if (!original) {
      refuse(original.error().message);
      continue;
    }
    auto fixed = lint::apply_fixits(*original, fixes.fixits);
    if (!fixed) {
      refuse(fixed.error().message);
      continue;
    }
    lint::LintJob relint = *job;
    relint.contents = *fixed;
    lint::LintReport fresh = lint::lint({relint}, target.options);
    if (!fresh.failures.empty()) {
      refuse("the fixed text would not parse:\n" + fresh.failures.front().message);
      continue;
    }
    if (mode == FixMode::DryRun) {
      diff_out << lint::unified_diff(path, *original, *fixed);
    } else {
      std::error_code ec;
      fs::perms mode_bits = fs::status(job->file, ec).permissions();
      if (Status written = write_file_atomically(job->file, *fixed, mode_bits); !written) {
        refuse(written.error().message);
        continue;
      }
      replace_findings(report, path, std::move(fresh));
    }
    summary_out << "sls lint --fix: " << path << ": " << verb << " " << fixes.fixits.size()
                << (fixes.fixits.size() == 1 ? " fix-it" : " fix-its") << " (" << joined(fixes.rules) << ")\n";
  }
  return all_fixed;
}

}  // namespace sls::cli

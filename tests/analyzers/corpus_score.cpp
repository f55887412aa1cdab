// Scores the analyzers against the labelled corpus (tests/analyzers/corpus/):
// lints every function file, matches the findings with labels.txt by
// (path, line, rule) and prints precision and recall per rule and overall,
// then every false positive, false negative and severity mismatch.
//
// Usage: sls_lint_corpus_score CORPUS_DIR SDK_INCLUDE_DIR [--markdown]
//            [--min-precision P] [--min-recall R] [--min-rule M]
//
// Exit status: 0 scored (and every minimum given is met); 1 a minimum is not
// met; 2 the corpus could not be scored (a source file did not parse, the
// labels file is missing or malformed, or the command line is wrong).

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "analyzers/lint.hpp"

namespace fs = std::filesystem;
using namespace sls::analyzers;

namespace {

// The meta-rule about NOLINT comments says nothing about the execution model.
constexpr const char* k_ignored_rule = "sls-unused-suppression";

struct Key {
  std::string path;
  unsigned line = 0;
  std::string rule;
  bool operator<(const Key& other) const {
    return std::tie(path, line, rule) < std::tie(other.path, other.line, other.rule);
  }
};

struct Label {
  std::string severity;
  std::string why;
  unsigned labels_line = 0;  // where in labels.txt
};

struct Reported {
  std::string severity;
  std::string message;
};

struct Options {
  fs::path corpus;
  std::string sdk_include;
  bool markdown = false;
  std::optional<double> min_precision;
  std::optional<double> min_recall;
  std::optional<double> min_rule;
};

struct Tally {
  unsigned labels = 0, findings = 0, tp = 0, fp = 0, fn = 0;
  // An empty denominator means there is nothing to be wrong about: 1.
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
  bool has_precision() const { return tp + fp != 0; }
  bool has_recall() const { return tp + fn != 0; }
};

void usage() {
  std::cerr << "usage: sls_lint_corpus_score CORPUS_DIR SDK_INCLUDE_DIR [--markdown]\n"
               "           [--min-precision P] [--min-recall R] [--min-rule M]\n";
}

std::optional<double> parse_ratio(const std::string& text) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || value < 0.0 || value > 1.0) return std::nullopt;
  return value;
}

std::optional<Options> parse_args(int argc, char** argv) {
  Options options;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--markdown") {
      options.markdown = true;
    } else if (arg == "--min-precision" || arg == "--min-recall" || arg == "--min-rule") {
      if (i + 1 >= argc) return std::nullopt;
      auto value = parse_ratio(argv[++i]);
      if (!value) {
        std::cerr << arg << ": expected a number between 0 and 1\n";
        return std::nullopt;
      }
      if (arg == "--min-precision") options.min_precision = value;
      if (arg == "--min-recall") options.min_recall = value;
      if (arg == "--min-rule") options.min_rule = value;
    } else if (!arg.empty() && arg[0] == '-') {
      std::cerr << "unknown option " << arg << "\n";
      return std::nullopt;
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) return std::nullopt;
  options.corpus = fs::weakly_canonical(fs::absolute(positional[0]));
  options.sdk_include = fs::weakly_canonical(fs::absolute(positional[1])).string();
  return options;
}

// labels.txt: `PATH:LINE  RULE  SEVERITY  WHY`, `#` comments, blank lines.
bool read_labels(const fs::path& file, std::map<Key, Label>& labels) {
  std::ifstream in(file);
  if (!in) {
    std::cerr << file.string() << ": cannot read the labels\n";
    return false;
  }
  bool ok = true;
  std::string line;
  for (unsigned number = 1; std::getline(in, line); ++number) {
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    std::istringstream fields(line);
    std::string where, rule, severity, why;
    fields >> where >> rule >> severity;
    std::getline(fields, why);
    if (auto start = why.find_first_not_of(" \t"); start != std::string::npos) why.erase(0, start);
    if (!why.empty() && why.back() == '\r') why.pop_back();
    auto colon = where.rfind(':');
    unsigned label_line = 0;
    if (colon != std::string::npos)
      label_line = static_cast<unsigned>(std::strtoul(where.c_str() + colon + 1, nullptr, 10));
    if (colon == std::string::npos || label_line == 0 || rule.rfind("sls-", 0) != 0 ||
        (severity != "error" && severity != "warning" && severity != "note")) {
      std::cerr << file.string() << ":" << number << ": malformed label: " << line << "\n";
      ok = false;
      continue;
    }
    Key key{where.substr(0, colon), label_line, rule};
    if (labels.count(key)) {
      std::cerr << file.string() << ":" << number << ": duplicate of line " << labels[key].labels_line
                << ", counted once\n";
      continue;
    }
    labels[key] = Label{severity, why, number};
  }
  return ok;
}

std::vector<LintJob> corpus_jobs(const Options& options) {
  const fs::path include = options.corpus / "include";
  std::vector<LintJob> jobs;
  for (auto it = fs::recursive_directory_iterator(options.corpus); it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_directory() && it->path() == include) {
      it.disable_recursion_pending();
      continue;
    }
    const auto extension = it->path().extension();
    if (!it->is_regular_file() || (extension != ".c" && extension != ".cpp")) continue;
    LintJob job;
    job.file = it->path().string();
    job.display_path = it->path().lexically_relative(options.corpus).generic_string();
    if (extension == ".c") {
      job.compile_args = {"clang-19", "-x", "c", "-std=c17", "-I", include.string(), "-I", options.sdk_include};
    } else {
      job.compile_args = {"clang++-19", "-std=c++20", "-I", include.string(), "-I", options.sdk_include};
    }
    job.directory = options.corpus.string();
    jobs.push_back(std::move(job));
  }
  std::sort(jobs.begin(), jobs.end(),
            [](const LintJob& a, const LintJob& b) { return a.display_path < b.display_path; });
  return jobs;
}

std::string ratio(double value, bool defined) {
  if (!defined) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", value);
  return buf;
}

void print_table(const std::map<std::string, Tally>& rules, const Tally& total, bool markdown) {
  const char* head[] = {"rule", "labels", "findings", "TP", "FP", "FN", "precision", "recall"};
  auto row = [&](const std::string& name, const Tally& t) {
    std::vector<std::string> cells = {name,
                                      std::to_string(t.labels),
                                      std::to_string(t.findings),
                                      std::to_string(t.tp),
                                      std::to_string(t.fp),
                                      std::to_string(t.fn),
                                      ratio(t.precision(), t.has_precision()),
                                      ratio(t.recall(), t.has_recall())};
    return cells;
  };
  std::vector<std::vector<std::string>> rows;
  for (const auto& [name, tally] : rules) rows.push_back(row(name, tally));
  rows.push_back(row(markdown ? "**overall**" : "overall", total));

  if (markdown) {
    std::cout << "|";
    for (const char* h : head) std::cout << " " << h << " |";
    std::cout << "\n|---|";
    for (size_t i = 1; i < std::size(head); ++i) std::cout << "---:|";
    std::cout << "\n";
    for (const auto& cells : rows) {
      std::cout << "|";
      for (const auto& c : cells) std::cout << " " << c << " |";
      std::cout << "\n";
    }
    return;
  }
  std::vector<size_t> width(std::size(head));
  for (size_t i = 0; i < width.size(); ++i) width[i] = std::string(head[i]).size();
  for (const auto& cells : rows)
    for (size_t i = 0; i < cells.size(); ++i) width[i] = std::max(width[i], cells[i].size());
  auto print_row = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i == 0) {
        std::cout << cells[i] << std::string(width[i] - cells[i].size(), ' ');
      } else {
        std::cout << "  " << std::string(width[i] - cells[i].size(), ' ') << cells[i];
      }
    }
    std::cout << "\n";
  };
  print_row(std::vector<std::string>(std::begin(head), std::end(head)));
  size_t line_width = 0;
  for (size_t w : width) line_width += w + 2;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i + 1 == rows.size()) std::cout << std::string(line_width - 2, '-') << "\n";
    print_row(rows[i]);
  }
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = parse_args(argc, argv);
  if (!parsed) {
    usage();
    return 2;
  }
  const Options& options = *parsed;

  std::map<Key, Label> labels;
  if (!read_labels(options.corpus / "labels.txt", labels)) return 2;

  const auto jobs = corpus_jobs(options);
  if (jobs.empty()) {
    std::cerr << options.corpus.string() << ": no .c or .cpp files\n";
    return 2;
  }
  std::set<std::string> sources;
  for (const auto& job : jobs) sources.insert(job.display_path);
  for (const auto& [key, label] : labels) {
    if (!sources.count(key.path)) {
      std::cerr << "labels.txt:" << label.labels_line << ": " << key.path << " is not a corpus file\n";
    }
  }

  const LintReport report = lint(jobs, LintOptions{});
  if (!report.failures.empty()) {
    for (const auto& failure : report.failures)
      std::cerr << failure.path << ": did not parse\n" << failure.message << "\n";
    std::cerr << report.failures.size() << " of " << jobs.size() << " files did not parse\n";
    return 2;
  }

  std::map<Key, Reported> findings;  // one entry per (path, line, rule)
  for (const auto& finding : report.findings) {
    if (finding.rule_id == k_ignored_rule) continue;
    Key key{finding.position.path, finding.position.line, finding.rule_id};
    findings.emplace(key, Reported{severity_name(finding.severity), finding.message});
  }

  std::map<std::string, Tally> rules;
  Tally total;
  std::vector<std::string> false_positives, false_negatives, mismatches;
  auto where = [](const Key& key) { return key.path + ":" + std::to_string(key.line) + " " + key.rule; };
  for (const auto& [key, label] : labels) {
    Tally& t = rules[key.rule];
    ++t.labels;
    ++total.labels;
    auto hit = findings.find(key);
    if (hit == findings.end()) {
      ++t.fn;
      ++total.fn;
      false_negatives.push_back(where(key) + " (" + label.why + ")");
      continue;
    }
    ++t.tp;
    ++total.tp;
    if (hit->second.severity != label.severity) {
      mismatches.push_back(where(key) + ": labelled " + label.severity + ", reported " + hit->second.severity);
    }
  }
  for (const auto& [key, reported] : findings) {
    Tally& t = rules[key.rule];
    ++t.findings;
    ++total.findings;
    if (labels.count(key)) continue;
    ++t.fp;
    ++total.fp;
    false_positives.push_back(where(key) + " (" + reported.severity + ": " + reported.message + ")");
  }

  std::cout << "corpus: " << jobs.size() << " files, " << labels.size() << " labels, " << findings.size()
            << " findings\n\n";
  print_table(rules, total, options.markdown);
  std::cout << "\noverall precision " << ratio(total.precision(), true) << ", recall " << ratio(total.recall(), true)
            << "\n";

  std::cout << "\nfalse positives (" << false_positives.size() << "):\n";
  for (const auto& line : false_positives) std::cout << "  " << line << "\n";
  std::cout << "\nfalse negatives (" << false_negatives.size() << "):\n";
  for (const auto& line : false_negatives) std::cout << "  " << line << "\n";
  std::cout << "\nseverity mismatches among true positives (" << mismatches.size() << "):\n";
  for (const auto& line : mismatches) std::cout << "  " << line << "\n";

  std::vector<std::string> below;
  auto check = [&below](const std::string& what, double value, const std::optional<double>& minimum) {
    if (minimum && value < *minimum) below.push_back(what + " " + ratio(value, true) + " < " + ratio(*minimum, true));
  };
  check("overall precision", total.precision(), options.min_precision);
  check("overall recall", total.recall(), options.min_recall);
  for (const auto& [name, t] : rules) {
    if (t.labels == 0 && t.findings == 0) continue;
    check(name + " precision", t.precision(), options.min_rule);
    check(name + " recall", t.recall(), options.min_rule);
  }
  if (!below.empty()) {
    std::cout << "\nbelow the minimums:\n";
    for (const auto& line : below) std::cout << "  " << line << "\n";
    return 1;
  }
  return 0;
}

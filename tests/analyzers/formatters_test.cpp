#include "analyzers/format/formatters.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace sls::analyzers;

LintReport sample_report() {
  Finding finding;
  finding.rule_id = "sls-detached-thread";
  finding.severity = Severity::Error;
  finding.position = {"api/x.cpp", 7, 5};
  finding.end_column = 11;
  finding.message = "thread 't' is detached";
  finding.rationale = "a thread that outlives the invocation is frozen";
  finding.source_line = "  t.detach();";
  finding.position.column = 5;
  finding.notes.push_back({{"api/x.cpp", 6, 3}, "thread created here"});
  finding.fixits.push_back({{"api/x.cpp", 7, 5}, 11, "join"});
  LintReport report;
  report.findings.push_back(finding);
  report.assets.push_back({"data/roms/red.gb", AssetKind::SlsAsset, {"api/x.cpp", 3, 20}});
  return report;
}

std::string render(OutputFormat format, const LintReport& report) {
  std::ostringstream out;
  write_report(out, report, format, FormatOptions{});
  return out.str();
}

// Given a finding with a note and a fix-it, we should print the clang-style heading, snippet, caret, fix and notes.
TEST(GnuFormat, PrintsSnippetCaretFixAndNotes) {
  EXPECT_EQ(render(OutputFormat::Gnu, sample_report()),
            "api/x.cpp:7:5: error: thread 't' is detached [sls-detached-thread]\n"
            "    7 |   t.detach();\n"
            "      |     ^~~~~~\n"
            "      |     join\n"
            "api/x.cpp:7:5: note: a thread that outlives the invocation is frozen\n"
            "api/x.cpp:6:3: note: thread created here\n"
            "fix-it:\"api/x.cpp\":{7:5-7:11}:\"join\"\n");
}

// Given a message with newlines, commas and colons, we should escape them as the Actions runner requires.
TEST(GithubFormat, EscapesDataAndProperties) {
  auto report = sample_report();
  report.findings[0].position.path = "api/a,b:c.cpp";
  report.findings[0].rationale = "100% frozen";
  EXPECT_EQ(render(OutputFormat::Github, report),
            "::error file=api/a%2Cb%3Ac.cpp,line=7,col=5,endColumn=11,title=sls-detached-thread::"
            "thread 't' is detached%0A100%25 frozen\n");
}

// Given a report, we should emit the documented JSON schema, traced assets included.
TEST(JsonFormat, FollowsTheDocumentedSchema) {
  auto document = nlohmann::json::parse(render(OutputFormat::Json, sample_report()));
  EXPECT_EQ(document["schema"], "sls-lint/1");
  const auto& finding = document["findings"][0];
  EXPECT_EQ(finding["rule"], "sls-detached-thread");
  EXPECT_EQ(finding["severity"], "error");
  EXPECT_EQ(finding["line"], 7);
  EXPECT_EQ(finding["fixits"][0]["replacement"], "join");
  EXPECT_EQ(document["traced_assets"][0]["asset"], "data/roms/red.gb");
  EXPECT_EQ(document["summary"]["errors"], 1);
}

// Given a report, we should emit SARIF 2.1.0 with the rule catalogue, a consistent ruleIndex and fingerprints.
TEST(SarifFormat, CarriesRulesIndexesAndFingerprints) {
  auto document = nlohmann::json::parse(render(OutputFormat::Sarif, sample_report()));
  EXPECT_EQ(document["version"], "2.1.0");
  const auto& run = document["runs"][0];
  const auto& result = run["results"][0];
  int index = result["ruleIndex"];
  EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], "sls-detached-thread");
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["startColumn"], 5);
  EXPECT_FALSE(result["partialFingerprints"]["slsFindingHash/v1"].get<std::string>().empty());
}

// Given the same finding moved to another line, we should keep its fingerprint; another line text changes it.
TEST(Fingerprint, SurvivesLineMovesButNotTextChanges) {
  auto finding = sample_report().findings[0];
  auto before = finding_fingerprint(finding, 0);
  finding.position.line = 42;
  EXPECT_EQ(finding_fingerprint(finding, 0), before);
  finding.source_line = "  other.detach();";
  EXPECT_NE(finding_fingerprint(finding, 0), before);
}

}  // namespace

// GitLab's documented code quality fields (docs.gitlab.com, "Code Quality report format"): every issue needs
// description, check_name, fingerprint, severity (one of five) and location.path with location.lines.begin.
void expect_gitlab_issue(const nlohmann::json& issue) {
  static const std::vector<std::string> k_severities = {"info", "minor", "major", "critical", "blocker"};
  ASSERT_TRUE(issue.is_object());
  EXPECT_TRUE(issue["description"].is_string() && !issue["description"].get<std::string>().empty());
  EXPECT_TRUE(issue["check_name"].is_string());
  EXPECT_TRUE(issue["fingerprint"].is_string() && !issue["fingerprint"].get<std::string>().empty());
  ASSERT_TRUE(issue["severity"].is_string());
  EXPECT_NE(std::find(k_severities.begin(), k_severities.end(), issue["severity"].get<std::string>()),
            k_severities.end());
  EXPECT_TRUE(issue["location"]["path"].is_string());
  ASSERT_TRUE(issue["location"]["lines"]["begin"].is_number_integer());
  EXPECT_GE(issue["location"]["lines"]["begin"].get<int>(), 1);
}

// Given a finding, a copy of it moved down two lines, a note-level one and a file that did not parse, the
// code quality report should hold four GitLab issues with the right severities, and the moved copy's
// fingerprint should differ from the first only by occurrence while a re-run gives the same fingerprints.
TEST(CodeClimateFormat, WritesGitLabIssuesWithStableFingerprints) {
  LintReport report = sample_report();
  Finding moved = report.findings[0];
  moved.position.line = 9;
  Finding note = report.findings[0];
  note.rule_id = "sls-dynamic-path";
  note.severity = Severity::Note;
  report.findings.push_back(moved);
  report.findings.push_back(note);
  report.failures.push_back({"api/broken.cpp", "api/broken.cpp:1:1: error: expected ';'"});
  auto issues = nlohmann::json::parse(render(OutputFormat::CodeClimate, report));
  ASSERT_TRUE(issues.is_array());
  ASSERT_EQ(issues.size(), 4u);
  for (const auto& issue : issues) expect_gitlab_issue(issue);
  EXPECT_EQ(issues[0]["check_name"], "sls-detached-thread");
  EXPECT_EQ(issues[0]["severity"], "critical");
  EXPECT_EQ(issues[0]["location"], nlohmann::json::parse(R"({"path":"api/x.cpp","lines":{"begin":7}})"));
  EXPECT_EQ(issues[0]["fingerprint"], finding_fingerprint(report.findings[0], 0));  // the SARIF one
  EXPECT_NE(issues[0]["fingerprint"], issues[1]["fingerprint"]);
  EXPECT_EQ(issues[2]["severity"], "info");
  EXPECT_EQ(issues[3]["severity"], "blocker");
  EXPECT_EQ(issues[3]["location"]["path"], "api/broken.cpp");
  EXPECT_EQ(nlohmann::json::parse(render(OutputFormat::CodeClimate, report)), issues);
  EXPECT_EQ(parse_output_format("codeclimate"), OutputFormat::CodeClimate);
}

// Given the finding moved to another line with the same text, its fingerprint should not change.
TEST(CodeClimateFormat, FingerprintSurvivesLinesMovingAboveIt) {
  LintReport before = sample_report();
  LintReport after = sample_report();
  after.findings[0].position.line += 5;
  EXPECT_EQ(nlohmann::json::parse(render(OutputFormat::CodeClimate, before))[0]["fingerprint"],
            nlohmann::json::parse(render(OutputFormat::CodeClimate, after))[0]["fingerprint"]);
}

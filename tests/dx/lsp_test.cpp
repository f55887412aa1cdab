// sls lsp: the server's replies to scripted exchanges, first with scripted
// findings (fast, exact), then end to end: the real binary over stdio,
// linting an unsaved buffer of a template project.

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analyzers/rule_registry.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/protocol.hpp"
#include "lsp/server.hpp"
#include "tests/dx/dx_support.hpp"

namespace sls::dx {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

json request(int id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}
json notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

// Returns one detached-thread finding (with a fix-it and a note) and records what it was asked to lint.
class ScriptedLinter final : public lsp::Linter {
public:
  lsp::DocumentLint lint(const fs::path& file, const std::string& text) override {
    linted_texts.push_back(text);
    analyzers::Finding finding;
    finding.rule_id = "sls-detached-thread";
    finding.severity = analyzers::Severity::Error;
    finding.position = {"api/x.cpp", 2, 10};
    finding.end_column = 16;
    finding.message = "thread detached";
    finding.notes.push_back({{"api/x.cpp", 1, 3}, "created here"});
    finding.fixits.push_back({{"api/x.cpp", 2, 10}, 16, "join"});
    lsp::DocumentLint result{{}, "api/x.cpp", "/p", true};
    result.report.findings = {finding};
    return result;
  }
  std::vector<std::string> linted_texts;
};

const std::string k_uri = "file:///p/api/x.cpp";
const lsp::Clock::time_point k_t0{};

json open_message(const std::string& text, int version = 1) {
  return notification("textDocument/didOpen",
                      {{"textDocument", {{"uri", k_uri}, {"languageId", "cpp"}, {"version", version}, {"text", text}}}});
}

// An incremental change: `text` replaces [start, end) of line `line`.
json edit(int version, int line, int start, int end, const std::string& text) {
  json range = {{"start", {{"line", line}, {"character", start}}}, {"end", {{"line", line}, {"character", end}}}};
  return notification("textDocument/didChange", {{"textDocument", {{"uri", k_uri}, {"version", version}}},
                                                 {"contentChanges", {{{"range", range}, {"text", text}}}}});
}

TEST(LspServerTest, InitializeAdvertisesIncrementalSyncHoverPullAndQuickFixes) {
  // Given initialize, we should answer with incremental sync, save notifications, hover, pull diagnostics
  // and quick fixes.
  ScriptedLinter linter;
  lsp::Server server(linter);
  auto replies = server.handle(request(1, "initialize", {{"capabilities", json::object()}}));
  ASSERT_EQ(replies.size(), 1u);
  json capabilities = replies[0]["result"]["capabilities"];
  EXPECT_EQ(capabilities["textDocumentSync"]["change"], 2);
  EXPECT_EQ(capabilities["textDocumentSync"]["openClose"], true);
  EXPECT_TRUE(capabilities["textDocumentSync"].contains("save"));
  EXPECT_EQ(capabilities["codeActionProvider"]["codeActionKinds"], json({"quickfix"}));
  EXPECT_EQ(capabilities["hoverProvider"], true);
  EXPECT_EQ(capabilities["diagnosticProvider"]["interFileDependencies"], false);
}

TEST(LspServerTest, OpenPublishesRuleIdSeverityHrefAndNotes) {
  // Given didOpen, we should lint at once and publish the finding with its rule id, severity, doc link,
  // related note and the document's version.
  ScriptedLinter linter;
  lsp::Server server(linter);
  EXPECT_TRUE(server.handle(open_message("a\nb   t.detach();\n", 4), k_t0).empty());
  auto replies = server.run_due(k_t0);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0]["method"], "textDocument/publishDiagnostics");
  EXPECT_EQ(replies[0]["params"]["version"], 4);
  json diagnostic = replies[0]["params"]["diagnostics"][0];
  EXPECT_EQ(diagnostic["code"], "sls-detached-thread");
  EXPECT_EQ(diagnostic["severity"], 1);
  EXPECT_EQ(diagnostic["source"], "sls");
  EXPECT_NE(diagnostic["codeDescription"]["href"].get<std::string>().find("sls-detached-thread"), std::string::npos);
  EXPECT_EQ(diagnostic["range"], json::parse(R"({"start":{"line":1,"character":9},"end":{"line":1,"character":15}})"));
  EXPECT_EQ(diagnostic["relatedInformation"][0]["message"], "created here");
  EXPECT_EQ(diagnostic["relatedInformation"][0]["location"]["uri"], k_uri);
}

TEST(LspServerTest, EditEditPausePublishesOnceForTheLatestVersion) {
  // Given two incremental edits 100 ms apart, we should lint nothing until 300 ms after the second, then
  // lint the text both edits made once and publish it with the second edit's version.
  ScriptedLinter linter;
  lsp::Server server(linter);
  server.handle(open_message("int a;\nint b;\n"), k_t0);
  server.run_due(k_t0);
  EXPECT_TRUE(server.handle(edit(2, 0, 4, 5, "x"), k_t0 + 1s).empty());
  EXPECT_TRUE(server.handle(edit(3, 1, 4, 5, "yy"), k_t0 + 1100ms).empty());
  EXPECT_EQ(server.next_deadline(), k_t0 + 1100ms + lsp::k_debounce);
  EXPECT_TRUE(server.run_due(k_t0 + 1350ms).empty());  // 300 ms after the first edit, but not the second
  auto replies = server.run_due(k_t0 + 1400ms);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0]["params"]["version"], 3);
  EXPECT_EQ(linter.linted_texts, (std::vector<std::string>{"int a;\nint b;\n", "int x;\nint yy;\n"}));
  EXPECT_FALSE(server.next_deadline().has_value());
}

TEST(LspServerTest, ALintMadeStaleByANewerEditIsNeverPublished) {
  // Given a lint handed out for version 2 and an edit arriving before it comes back, we should drop its
  // result, and publish only the lint of version 3.
  ScriptedLinter linter;
  lsp::Server server(linter);
  server.handle(open_message("abc"), k_t0);
  server.run_due(k_t0);
  server.handle(edit(2, 0, 0, 1, "x"), k_t0 + 1s);
  std::vector<lsp::LintRun> runs = server.take_due(k_t0 + 2s);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].text, "xbc");
  server.handle(edit(3, 0, 1, 2, "y"), k_t0 + 2100ms);
  EXPECT_TRUE(server.finish(runs[0], linter.lint(runs[0].path, runs[0].text)).empty());
  auto replies = server.run_due(k_t0 + 3s);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0]["params"]["version"], 3);
  EXPECT_EQ(linter.linted_texts.back(), "xyc");
}

TEST(LspServerTest, SaveLintsAtOnceAndCloseClears) {
  // Given an edit then a save before the debounce ends, we should lint on the save; close clears.
  ScriptedLinter linter;
  lsp::Server server(linter);
  server.handle(open_message("old"), k_t0);
  server.run_due(k_t0);
  server.handle(notification("textDocument/didChange", {{"textDocument", {{"uri", k_uri}, {"version", 2}}},
                                                        {"contentChanges", {{{"text", "new"}}}}}),
                k_t0 + 1s);
  server.handle(notification("textDocument/didSave", {{"textDocument", {{"uri", k_uri}}}}), k_t0 + 1010ms);
  ASSERT_EQ(server.run_due(k_t0 + 1010ms).size(), 1u);
  EXPECT_EQ(linter.linted_texts, (std::vector<std::string>{"old", "new"}));
  auto closed = server.handle(notification("textDocument/didClose", {{"textDocument", {{"uri", k_uri}}}}));
  EXPECT_TRUE(closed.at(0)["params"]["diagnostics"].empty());
}

TEST(LspServerTest, BadChangesAreReportedAndLeaveTheTextAlone) {
  // Given a change past the end of the text, a change to a document never opened and a change without
  // contentChanges, we should log an error for each, keep the text, and never throw.
  ScriptedLinter linter;
  lsp::Server server(linter);
  server.handle(open_message("one line"), k_t0);
  server.run_due(k_t0);
  auto past_end = server.handle(edit(2, 7, 0, 0, "x"), k_t0 + 1s);
  ASSERT_EQ(past_end.size(), 1u);
  EXPECT_EQ(past_end[0]["method"], "window/logMessage");
  EXPECT_NE(past_end[0]["params"]["message"].get<std::string>().find("past the end"), std::string::npos);
  json unknown = edit(2, 0, 0, 0, "x");
  unknown["params"]["textDocument"]["uri"] = "file:///p/api/never-opened.cpp";
  EXPECT_NE(server.handle(unknown).at(0)["params"]["message"].get<std::string>().find("not open"), std::string::npos);
  auto missing = server.handle(notification("textDocument/didChange", {{"textDocument", {{"uri", k_uri}}}}));
  EXPECT_EQ(missing.at(0)["method"], "window/logMessage");
  EXPECT_FALSE(server.next_deadline().has_value());
  auto utf16 = server.handle(edit(3, 0, 3, 99, "!"), k_t0 + 2s);  // a character past the line's end: its end
  EXPECT_TRUE(utf16.empty());
  server.run_due(k_t0 + 3s);
  EXPECT_EQ(linter.linted_texts.back(), "one!");
}

TEST(LspServerTest, PullDiagnosticsWaitForTheCurrentTextAndReportUnchanged) {
  // Given a pull request while an edit is pending, we should answer after linting the edited text (no
  // debounce), then answer "unchanged" for the same resultId; a document never opened is an error.
  ScriptedLinter linter;
  lsp::Server server(linter);
  server.handle(open_message("abc"), k_t0);
  server.run_due(k_t0);
  server.handle(edit(2, 0, 0, 1, "x"), k_t0 + 1s);
  EXPECT_TRUE(server.handle(request(5, "textDocument/diagnostic", {{"textDocument", {{"uri", k_uri}}}}), k_t0 + 1s)
                  .empty());
  auto replies = server.run_due(k_t0 + 1s);
  ASSERT_EQ(replies.size(), 2u);  // the publish, then the answer
  json report = replies[1]["result"];
  EXPECT_EQ(replies[1]["id"], 5);
  EXPECT_EQ(report["kind"], "full");
  EXPECT_EQ(report["items"][0]["code"], "sls-detached-thread");
  EXPECT_EQ(linter.linted_texts.back(), "xbc");
  auto again = server.handle(request(6, "textDocument/diagnostic",
                                     {{"textDocument", {{"uri", k_uri}}}, {"previousResultId", report["resultId"]}}));
  EXPECT_EQ(again.at(0)["result"]["kind"], "unchanged");
  auto unknown =
      server.handle(request(7, "textDocument/diagnostic", {{"textDocument", {{"uri", "file:///p/api/nope.cpp"}}}}));
  EXPECT_EQ(unknown.at(0)["error"]["code"], -32602);
}

TEST(LspServerTest, ASlsTomlChangeRelintsOpenDocuments) {
  // Given open documents, a save of sls.toml and a watched-file change of it should each re-lint them at once;
  // an edit of sls.toml after the debounce; a watched change of another file nothing.
  ScriptedLinter linter;
  lsp::Server server(linter);
  server.handle(open_message("abc"), k_t0);
  server.run_due(k_t0);
  std::string toml = "file:///p/sls.toml";
  server.handle(notification("textDocument/didSave", {{"textDocument", {{"uri", toml}}}}), k_t0 + 1s);
  EXPECT_EQ(server.run_due(k_t0 + 1s).size(), 1u);
  server.handle(notification("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", toml}, {"type", 2}}}}}),
                k_t0 + 2s);
  EXPECT_EQ(server.run_due(k_t0 + 2s).size(), 1u);
  server.handle(
      notification("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", "file:///p/README.md"}, {"type", 2}}}}}),
      k_t0 + 3s);
  EXPECT_FALSE(server.next_deadline().has_value());
  server.handle(notification("textDocument/didChange",
                             {{"textDocument", {{"uri", toml}, {"version", 2}}}, {"contentChanges", json::array()}}),
                k_t0 + 4s);
  EXPECT_EQ(server.next_deadline(), k_t0 + 4s + lsp::k_debounce);
  EXPECT_EQ(server.run_due(k_t0 + 5s).size(), 1u);
  EXPECT_EQ(linter.linted_texts.size(), 4u);
}

TEST(LspServerTest, HoverShowsTheRuleRationaleAndItsPage) {
  // Given a finding, hover inside its range should show the rule, the rationale and a link to its page;
  // hover elsewhere nothing.
  ScriptedLinter linter;
  lsp::Server server(linter);
  server.handle(open_message("a\nb   t.detach();\n"), k_t0);
  server.run_due(k_t0);
  auto replies = server.handle(request(3, "textDocument/hover",
                                       {{"textDocument", {{"uri", k_uri}}}, {"position", {{"line", 1}, {"character", 11}}}}));
  json hover = replies.at(0)["result"];
  EXPECT_EQ(hover["contents"]["kind"], "markdown");
  std::string text = hover["contents"]["value"];
  EXPECT_NE(text.find("sls-detached-thread"), std::string::npos);
  EXPECT_NE(text.find("outlive"), std::string::npos) << text;  // the rationale
  EXPECT_NE(text.find("](" + analyzers::help_uri("sls-detached-thread") + ")"), std::string::npos) << text;
  EXPECT_EQ(hover["range"]["start"]["character"], 9);
  auto elsewhere = server.handle(request(
      4, "textDocument/hover", {{"textDocument", {{"uri", k_uri}}}, {"position", {{"line", 0}, {"character", 0}}}}));
  EXPECT_TRUE(elsewhere.at(0)["result"].is_null());
}

TEST(LspServerTest, CodeActionsOfferTheFixItThenASuppression) {
  // Given a finding with a fix-it, a code action request on its line should return the edit first and a
  // NOLINTNEXTLINE suppression indented like the line second; another line gets nothing.
  ScriptedLinter linter;
  lsp::Server server(linter);
  server.handle(open_message("a\n    t.detach();\n"), k_t0);
  server.run_due(k_t0);
  json range = json::parse(R"({"start":{"line":1,"character":0},"end":{"line":1,"character":0}})");
  auto replies = server.handle(
      request(7, "textDocument/codeAction",
              {{"textDocument", {{"uri", k_uri}}}, {"range", range}, {"context", {{"diagnostics", json::array()}}}}));
  json actions = replies.at(0)["result"];
  ASSERT_EQ(actions.size(), 2u) << actions.dump(2);
  EXPECT_EQ(actions[0]["kind"], "quickfix");
  EXPECT_EQ(actions[0]["diagnostics"][0]["code"], "sls-detached-thread");
  json fix = actions[0]["edit"]["changes"][k_uri][0];
  EXPECT_EQ(fix["newText"], "join");
  EXPECT_EQ(fix["range"]["start"]["character"], 9);
  EXPECT_EQ(fix["range"]["end"]["character"], 15);
  json suppress = actions[1]["edit"]["changes"][k_uri][0];
  EXPECT_EQ(suppress["newText"], "    // NOLINTNEXTLINE(sls-detached-thread)\n");
  EXPECT_EQ(suppress["range"]["start"], json::parse(R"({"line":1,"character":0})"));
  EXPECT_EQ(suppress["range"]["end"], suppress["range"]["start"]);
  json elsewhere = json::parse(R"({"start":{"line":0,"character":0},"end":{"line":0,"character":1}})");
  EXPECT_TRUE(
      server.handle(request(8, "textDocument/codeAction", {{"textDocument", {{"uri", k_uri}}}, {"range", elsewhere}}))
          .at(0)["result"]
          .empty());
  auto malformed = server.handle(request(9, "textDocument/codeAction", {{"textDocument", {{"uri", k_uri}}}}));
  EXPECT_EQ(malformed.at(0)["error"]["code"], -32602);
}

TEST(LspServerTest, UnknownMethodShutdownAndExit) {
  // Given an unknown request, then shutdown and exit, we should answer -32601, null, and exit 0.
  ScriptedLinter linter;
  lsp::Server server(linter);
  EXPECT_EQ(server.handle(request(1, "textDocument/definition", json::object())).at(0)["error"]["code"], -32601);
  EXPECT_TRUE(server.handle(request(2, "shutdown", nullptr)).at(0)["result"].is_null());
  server.handle(notification("exit", nullptr));
  EXPECT_TRUE(server.exit_requested());
  EXPECT_EQ(server.exit_code(), 0);
}

TEST(LspProtocolTest, PositionsAreUtf16AndUrisPercentEncoded) {
  // Given a line with a two-byte and a four-byte character, we should count UTF-16 units; and encode [id].
  std::string text = "x\n\xC3\xA9\xF0\x9F\x98\x80z\n";       // é, 😀, z
  EXPECT_EQ(lsp::lsp_position(text, 2, 7)["character"], 3);  // byte column 7 is 'z': 1 + 2 units before it
  EXPECT_EQ(lsp::path_to_uri("/p/api/users/[id].cpp"), "file:///p/api/users/%5Bid%5D.cpp");
  EXPECT_EQ(lsp::uri_to_path("file:///p/api/users/%5Bid%5D.cpp"), fs::path("/p/api/users/[id].cpp"));
}

TEST(LspProtocolTest, FramingRoundTripsAndRejectsGarbage) {
  // Given a framed message followed by an unframed one, we should read the first and flag the second.
  std::stringstream stream;
  lsp::write_message(stream, {{"jsonrpc", "2.0"}, {"method", "x"}});
  stream << "\r\n{}";
  lsp::ReadResult first = lsp::read_message(stream);
  EXPECT_EQ(first.status, lsp::ReadStatus::Message);
  EXPECT_EQ(first.message["method"], "x");
  EXPECT_EQ(lsp::read_message(stream).status, lsp::ReadStatus::Malformed);
}

TEST(JsonRpcTest, LengthsThatAreNotANumberOrTooLargeAreMalformed) {
  // Given Content-Length headers a broken client could send (found by fuzz_lsp_framing), we should call
  // each message malformed instead of allocating what it claims and ending the server.
  for (const char* length : {"-5", "18446744073709551617", "99999999999", "12abc", ""}) {
    std::stringstream stream;
    stream << "Content-Length: " << length << "\r\n\r\n{}";
    EXPECT_EQ(lsp::read_message(stream).status, lsp::ReadStatus::Malformed) << length;
  }
}

// Every framed message the server wrote.
std::vector<json> read_all(const std::string& output) {
  std::istringstream in(output);
  std::vector<json> messages;
  for (lsp::ReadResult read = lsp::read_message(in); read.status == lsp::ReadStatus::Message;
       read = lsp::read_message(in))
    messages.push_back(read.message);
  return messages;
}

// The messages the server sent with a given id, or notifications of a given method.
std::vector<json> with_id(const std::vector<json>& messages, int id) {
  std::vector<json> found;
  for (const json& message : messages)
    if (message.contains("id") && message["id"] == id) found.push_back(message);
  return found;
}
std::vector<json> with_method(const std::vector<json>& messages, const std::string& method) {
  std::vector<json> found;
  for (const json& message : messages)
    if (message.value("method", "") == method) found.push_back(message);
  return found;
}

// Runs `sls lsp` in `project` with the messages as its whole input; every message it wrote.
std::vector<json> run_server(const fs::path& project, const fs::path& cache, const std::vector<json>& script_messages,
                             int& exit_code) {
  std::ostringstream script;
  for (const json& message : script_messages) lsp::write_message(script, message);
  SystemProcessRunner runner;
  auto env = current_environment();
  env["SLS_CACHE_DIR"] = cache.string();
  auto result = runner.run({{e2e::sls_binary().string(), "lsp"}, env, script.str(), project});
  EXPECT_TRUE(result);
  if (!result) return {};
  exit_code = result->exit_code;
  EXPECT_EQ(result->exit_code, 0) << result->stderr_data;
  return read_all(result->stdout_data);
}

json initialize(const fs::path& project) {
  return request(1, "initialize",
                 {{"processId", nullptr}, {"rootUri", lsp::path_to_uri(project)}, {"capabilities", json::object()}});
}

TEST(LspEndToEndTest, LintsTheUnsavedBufferOfATemplateProject) {
  // Given sls lsp and a buffer (not on disk) that writes a global and detaches a thread, we should publish
  // both findings with a note and a doc link, offer the join fix, and exit 0 after shutdown/exit.
  TempDir temp("sls-dx-lsp");
  fs::path project = temp.path() / "app";
  init_project(project, "http-native");
  std::string uri = lsp::path_to_uri(fs::canonical(project) / "api/hello.cpp");
  std::string buffer =
      "#include <sls/function.hpp>\n#include <thread>\n\nint g_count = 0;\n\n"
      "sls::Response handle(const sls::Request&, sls::Context&) {\n  ++g_count;\n"
      "  std::thread worker([] {});\n  worker.detach();\n  return sls::Response::text(200, \"ok\");\n}\n"
      "SLS_HANDLER(handle)\n";
  json range = json::parse(R"({"start":{"line":8,"character":0},"end":{"line":8,"character":20}})");
  int exit_code = -1;
  std::vector<json> messages = run_server(
      project, temp.path() / "cache",
      {initialize(project), notification("initialized", json::object()),
       notification("textDocument/didOpen",
                    {{"textDocument", {{"uri", uri}, {"languageId", "cpp"}, {"version", 1}, {"text", buffer}}}}),
       request(2, "textDocument/codeAction",
               {{"textDocument", {{"uri", uri}}}, {"range", range}, {"context", {{"diagnostics", json::array()}}}}),
       request(3, "shutdown", nullptr), notification("exit", nullptr)},
      exit_code);
  std::vector<json> publishes = with_method(messages, "textDocument/publishDiagnostics");
  ASSERT_EQ(publishes.size(), 1u) << json(messages).dump(2);
  ASSERT_EQ(with_id(messages, 2).size(), 1u);
  ASSERT_EQ(with_id(messages, 3).size(), 1u);

  json diagnostics = publishes[0]["params"]["diagnostics"];
  std::map<std::string, json> by_rule;
  for (const json& diagnostic : diagnostics) by_rule[diagnostic["code"]] = diagnostic;
  ASSERT_TRUE(by_rule.count("sls-detached-thread")) << diagnostics.dump(2);
  ASSERT_TRUE(by_rule.count("sls-global-mutable-state")) << diagnostics.dump(2);
  EXPECT_EQ(by_rule["sls-detached-thread"]["severity"], 1);
  EXPECT_EQ(by_rule["sls-detached-thread"]["range"]["start"]["line"], 8);
  EXPECT_EQ(by_rule["sls-global-mutable-state"]["severity"], 2);
  EXPECT_EQ(by_rule["sls-global-mutable-state"]["relatedInformation"][0]["location"]["range"]["start"]["line"], 6);
  EXPECT_FALSE(by_rule["sls-detached-thread"]["codeDescription"]["href"].get<std::string>().empty());

  json fix = with_id(messages, 2)[0]["result"].at(0);
  EXPECT_EQ(fix["edit"]["changes"][uri][0]["newText"], "join");
  EXPECT_EQ(fix["edit"]["changes"][uri][0]["range"]["start"], json::parse(R"({"line":8,"character":9})"));
}

TEST(LspEndToEndTest, EditsOverStdioArePublishedForTheLatestVersionOnly) {
  // Given a clean buffer opened, then two incremental edits that add a detached thread, then a pull request,
  // we should never publish version 2, answer the pull with the hazard, and publish version 3 last.
  TempDir temp("sls-dx-lsp-edits");
  fs::path project = temp.path() / "app";
  init_project(project, "http-native");
  std::string uri = lsp::path_to_uri(fs::canonical(project) / "api/hello.cpp");
  std::string buffer =
      "#include <sls/function.hpp>\n#include <thread>\n\n"
      "sls::Response handle(const sls::Request&, sls::Context&) {\n\n\n"
      "  return sls::Response::text(200, \"ok\");\n}\nSLS_HANDLER(handle)\n";
  auto insert = [&](int version, int line, const std::string& text) {
    json at = {{"line", line}, {"character", 0}};
    return notification("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                                   {"contentChanges", {{{"range", {{"start", at}, {"end", at}}},
                                                                        {"text", text}}}}});
  };
  int exit_code = -1;
  std::vector<json> messages = run_server(
      project, temp.path() / "cache",
      {initialize(project), notification("initialized", json::object()),
       notification("textDocument/didOpen",
                    {{"textDocument", {{"uri", uri}, {"languageId", "cpp"}, {"version", 1}, {"text", buffer}}}}),
       insert(2, 4, "  std::thread worker([] {});"), insert(3, 5, "  worker.detach();"),
       request(2, "textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}}), request(3, "shutdown", nullptr),
       notification("exit", nullptr)},
      exit_code);
  std::vector<json> publishes = with_method(messages, "textDocument/publishDiagnostics");
  ASSERT_FALSE(publishes.empty()) << json(messages).dump(2);
  for (const json& publish : publishes) EXPECT_NE(publish["params"]["version"], 2);
  EXPECT_EQ(publishes.back()["params"]["version"], 3);
  ASSERT_EQ(with_id(messages, 2).size(), 1u) << json(messages).dump(2);
  json report = with_id(messages, 2)[0]["result"];
  EXPECT_EQ(report["kind"], "full");
  ASSERT_FALSE(report["items"].empty()) << report.dump(2);
  EXPECT_EQ(report["items"][0]["code"], "sls-detached-thread");
  EXPECT_EQ(report["items"][0]["range"]["start"]["line"], 5);
  EXPECT_EQ(publishes.back()["params"]["diagnostics"], report["items"]);
}

TEST(LspEndToEndTest, ABuiltProjectIsLintedFromItsPreludeAndABrokenPreludeIsSetAside) {
  // Given a project `sls build` has built (so its precompiled prelude is on disk), the buffer's hazard should
  // be found starting from that prelude; and with the prelude file overwritten by garbage, found all the same.
  TempDir temp("sls-dx-lsp-pch");
  fs::path project = temp.path() / "app";
  init_project(project, "http-native");
  std::map<std::string, std::string> env{{"SLS_CACHE_DIR", (temp.path() / "cache").string()}};
  ASSERT_EQ(run_sls({"build"}, project, env).exit_code, 0);
  fs::path pch = project / ".sls/build/native/prelude.pch";
  ASSERT_TRUE(fs::is_regular_file(pch));
  std::string uri = lsp::path_to_uri(fs::canonical(project) / "api/hello.cpp");
  std::string buffer =
      "#include <sls/function.hpp>\n#include <thread>\n\n"
      "sls::Response handle(const sls::Request&, sls::Context&) {\n  std::thread worker([] {});\n"
      "  worker.detach();\n  return sls::Response::text(200, \"ok\");\n}\nSLS_HANDLER(handle)\n";
  auto first_codes = [&] {
    int exit_code = -1;
    std::vector<json> messages = run_server(
        project, temp.path() / "cache",
        {initialize(project),
         notification("textDocument/didOpen",
                      {{"textDocument", {{"uri", uri}, {"languageId", "cpp"}, {"version", 1}, {"text", buffer}}}}),
         request(3, "shutdown", nullptr), notification("exit", nullptr)},
        exit_code);
    std::vector<json> publishes = with_method(messages, "textDocument/publishDiagnostics");
    std::vector<std::string> codes;
    if (!publishes.empty())
      for (const json& diagnostic : publishes[0]["params"]["diagnostics"]) codes.push_back(diagnostic.value("code", "?"));
    return codes;
  };
  EXPECT_EQ(first_codes(), std::vector<std::string>{"sls-detached-thread"});
  std::ofstream(pch, std::ios::binary | std::ios::trunc) << "not a precompiled header";
  EXPECT_EQ(first_codes(), std::vector<std::string>{"sls-detached-thread"});
}

}  // namespace
}  // namespace sls::dx

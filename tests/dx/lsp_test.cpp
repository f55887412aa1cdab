// sls lsp: the server's replies to scripted exchanges, first with scripted
// findings (fast, exact), then end to end: the real binary over stdio,
// linting an unsaved buffer of a template project.

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "lsp/json_rpc.hpp"
#include "lsp/protocol.hpp"
#include "lsp/server.hpp"
#include "tests/dx/dx_support.hpp"

namespace sls::dx {
namespace {

using nlohmann::json;

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

TEST(LspServerTest, InitializeAdvertisesFullSyncSaveAndQuickFixes) {
  // Given initialize, we should answer with full-text sync, save notifications and quick fixes.
  ScriptedLinter linter;
  lsp::Server server(linter);
  auto replies = server.handle(request(1, "initialize", {{"capabilities", json::object()}}));
  ASSERT_EQ(replies.size(), 1u);
  json capabilities = replies[0]["result"]["capabilities"];
  EXPECT_EQ(capabilities["textDocumentSync"]["change"], 1);
  EXPECT_EQ(capabilities["textDocumentSync"]["openClose"], true);
  EXPECT_TRUE(capabilities["textDocumentSync"].contains("save"));
  EXPECT_EQ(capabilities["codeActionProvider"]["codeActionKinds"], json({"quickfix"}));
}

TEST(LspServerTest, OpenPublishesRuleIdSeverityHrefAndNotes) {
  // Given didOpen, we should publish the finding with its rule id, severity, doc link and related note.
  ScriptedLinter linter;
  lsp::Server server(linter);
  auto replies = server.handle(notification(
      "textDocument/didOpen",
      {{"textDocument", {{"uri", k_uri}, {"languageId", "cpp"}, {"version", 1}, {"text", "a\nb   t.detach();\n"}}}}));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0]["method"], "textDocument/publishDiagnostics");
  json diagnostic = replies[0]["params"]["diagnostics"][0];
  EXPECT_EQ(diagnostic["code"], "sls-detached-thread");
  EXPECT_EQ(diagnostic["severity"], 1);
  EXPECT_EQ(diagnostic["source"], "sls");
  EXPECT_NE(diagnostic["codeDescription"]["href"].get<std::string>().find("sls-detached-thread"), std::string::npos);
  EXPECT_EQ(diagnostic["range"], json::parse(R"({"start":{"line":1,"character":9},"end":{"line":1,"character":15}})"));
  EXPECT_EQ(diagnostic["relatedInformation"][0]["message"], "created here");
  EXPECT_EQ(diagnostic["relatedInformation"][0]["location"]["uri"], k_uri);
}

TEST(LspServerTest, ChangeWaitsForSaveWhichLintsTheBuffer) {
  // Given didChange then didSave, we should lint only on save, and lint the changed text.
  ScriptedLinter linter;
  lsp::Server server(linter);
  server.handle(notification("textDocument/didOpen", {{"textDocument", {{"uri", k_uri}, {"text", "old"}}}}));
  auto changed =
      server.handle(notification("textDocument/didChange", {{"textDocument", {{"uri", k_uri}, {"version", 2}}},
                                                            {"contentChanges", {{{"text", "new"}}}}}));
  EXPECT_TRUE(changed.empty());
  auto saved = server.handle(notification("textDocument/didSave", {{"textDocument", {{"uri", k_uri}}}}));
  ASSERT_EQ(saved.size(), 1u);
  EXPECT_EQ(linter.linted_texts, (std::vector<std::string>{"old", "new"}));
  auto closed = server.handle(notification("textDocument/didClose", {{"textDocument", {{"uri", k_uri}}}}));
  EXPECT_TRUE(closed.at(0)["params"]["diagnostics"].empty());
}

TEST(LspServerTest, CodeActionTurnsFixItsIntoAQuickFix) {
  // Given a finding with a fix-it, a code action request on its line should return the edit.
  ScriptedLinter linter;
  lsp::Server server(linter);
  server.handle(
      notification("textDocument/didOpen", {{"textDocument", {{"uri", k_uri}, {"text", "a\nb   t.detach();\n"}}}}));
  json range = json::parse(R"({"start":{"line":1,"character":0},"end":{"line":1,"character":0}})");
  auto replies = server.handle(
      request(7, "textDocument/codeAction",
              {{"textDocument", {{"uri", k_uri}}}, {"range", range}, {"context", {{"diagnostics", json::array()}}}}));
  json action = replies.at(0)["result"].at(0);
  EXPECT_EQ(action["kind"], "quickfix");
  EXPECT_EQ(action["diagnostics"][0]["code"], "sls-detached-thread");
  json edit = action["edit"]["changes"][k_uri][0];
  EXPECT_EQ(edit["newText"], "join");
  EXPECT_EQ(edit["range"]["start"]["character"], 9);
  EXPECT_EQ(edit["range"]["end"]["character"], 15);
  json elsewhere = json::parse(R"({"start":{"line":0,"character":0},"end":{"line":0,"character":1}})");
  EXPECT_TRUE(
      server.handle(request(8, "textDocument/codeAction", {{"textDocument", {{"uri", k_uri}}}, {"range", elsewhere}}))
          .at(0)["result"]
          .empty());
}

TEST(LspServerTest, UnknownMethodShutdownAndExit) {
  // Given an unknown request, then shutdown and exit, we should answer -32601, null, and exit 0.
  ScriptedLinter linter;
  lsp::Server server(linter);
  EXPECT_EQ(server.handle(request(1, "textDocument/hover", json::object())).at(0)["error"]["code"], -32601);
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
  std::ostringstream script;
  for (const json& message :
       {request(1, "initialize",
                {{"processId", nullptr}, {"rootUri", lsp::path_to_uri(project)}, {"capabilities", json::object()}}),
        notification("initialized", json::object()),
        notification("textDocument/didOpen",
                     {{"textDocument", {{"uri", uri}, {"languageId", "cpp"}, {"version", 1}, {"text", buffer}}}}),
        request(2, "textDocument/codeAction",
                {{"textDocument", {{"uri", uri}}}, {"range", range}, {"context", {{"diagnostics", json::array()}}}}),
        request(3, "shutdown", nullptr), notification("exit", nullptr)})
    lsp::write_message(script, message);

  SystemProcessRunner runner;
  auto env = current_environment();
  env["SLS_CACHE_DIR"] = (temp.path() / "cache").string();
  auto result = runner.run({{e2e::sls_binary().string(), "lsp"}, env, script.str(), project});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->exit_code, 0) << result->stderr_data;
  std::vector<json> messages = read_all(result->stdout_data);
  ASSERT_EQ(messages.size(), 4u) << result->stdout_data;  // initialize, publish, codeAction, shutdown

  json diagnostics = messages[1]["params"]["diagnostics"];
  std::map<std::string, json> by_rule;
  for (const json& diagnostic : diagnostics) by_rule[diagnostic["code"]] = diagnostic;
  ASSERT_TRUE(by_rule.count("sls-detached-thread")) << diagnostics.dump(2);
  ASSERT_TRUE(by_rule.count("sls-global-mutable-state")) << diagnostics.dump(2);
  EXPECT_EQ(by_rule["sls-detached-thread"]["severity"], 1);
  EXPECT_EQ(by_rule["sls-detached-thread"]["range"]["start"]["line"], 8);
  EXPECT_EQ(by_rule["sls-global-mutable-state"]["severity"], 2);
  EXPECT_EQ(by_rule["sls-global-mutable-state"]["relatedInformation"][0]["location"]["range"]["start"]["line"], 6);
  EXPECT_FALSE(by_rule["sls-detached-thread"]["codeDescription"]["href"].get<std::string>().empty());

  json fix = messages[2]["result"].at(0);
  EXPECT_EQ(fix["edit"]["changes"][uri][0]["newText"], "join");
  EXPECT_EQ(fix["edit"]["changes"][uri][0]["range"]["start"], json::parse(R"({"line":8,"character":9})"));
}

}  // namespace
}  // namespace sls::dx

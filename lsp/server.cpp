#include "lsp/server.hpp"

#include "lsp/json_rpc.hpp"
#include "lsp/protocol.hpp"

namespace sls::lsp {
using nlohmann::json;

namespace {

// JSON-RPC error codes the protocol uses.
constexpr int k_parse_error = -32700;
constexpr int k_invalid_request = -32600;
constexpr int k_method_not_found = -32601;
constexpr int k_invalid_params = -32602;

json response(const json& id, json result) { return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}; }

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json capabilities() {
  json sync = {{"openClose", true}, {"change", 1 /* Full */}, {"save", {{"includeText", false}}}};
  return {{"capabilities", {{"textDocumentSync", sync}, {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
          {"serverInfo", {{"name", "sls"}, {"version", SLS_VERSION}}}};
}

bool lines_overlap(const json& a, const json& b) {
  return a["start"]["line"].get<int>() <= b["end"]["line"].get<int>() &&
         b["start"]["line"].get<int>() <= a["end"]["line"].get<int>();
}

}  // namespace

std::vector<json> Server::handle(const json& message) {
  if (!message.contains("method") || !message["method"].is_string()) return {};  // a reply: we send no requests
  std::string method = message["method"];
  json params = message.value("params", json::object());
  if (!message.contains("id")) return handle_notification(method, params);
  const json& id = message["id"];
  try {
    return {handle_request(id, method, params)};
  } catch (const json::exception& error) {
    return {error_response(id, k_invalid_params, std::string("malformed params: ") + error.what())};
  }
}

json Server::handle_request(const json& id, const std::string& method, const json& params) {
  if (m_shutdown) return error_response(id, k_invalid_request, "the server is shutting down; send exit");
  if (method == "initialize") return response(id, capabilities());
  if (method == "shutdown") {
    m_shutdown = true;
    return response(id, nullptr);
  }
  if (method == "textDocument/codeAction") return response(id, code_actions(params));
  return error_response(id, k_method_not_found, "sls lsp does not handle " + method);
}

std::vector<json> Server::handle_notification(const std::string& method, const json& params) {
  try {
    if (method == "exit") m_exit_requested = true;
    if (method == "textDocument/didOpen") {
      const json& item = params.at("textDocument");
      m_documents[item.at("uri")] = Document{item.at("text"), {}, {}};
      return {lint_document(item.at("uri"))};
    }
    if (method == "textDocument/didChange") {
      // Full sync: the last change holds the whole text. Lint waits for the save.
      auto found = m_documents.find(params.at("textDocument").at("uri"));
      if (found != m_documents.end() && !params.at("contentChanges").empty())
        found->second.text = params.at("contentChanges").back().at("text");
    }
    if (method == "textDocument/didSave") {
      std::string uri = params.at("textDocument").at("uri");
      if (params.contains("text")) m_documents[uri].text = params["text"];
      if (m_documents.count(uri)) return {lint_document(uri)};
    }
    if (method == "textDocument/didClose") {
      std::string uri = params.at("textDocument").at("uri");
      m_documents.erase(uri);
      return {publish(uri)};  // clears the document's diagnostics
    }
  } catch (const json::exception&) {
    // A notification has no reply to carry an error; a malformed one is dropped.
  }
  return {};
}

json Server::lint_document(const std::string& uri) {
  Document& document = m_documents[uri];
  std::optional<std::filesystem::path> path = uri_to_path(uri);
  document.lint = path ? m_linter.lint(*path, document.text) : DocumentLint{};
  // Findings in included headers belong to those files; this document shows its own.
  std::erase_if(document.lint.report.findings,
                [&](const analyzers::Finding& finding) { return finding.position.path != document.lint.display_path; });
  DocumentView view{uri, document.lint.display_path, document.lint.project_root, document.text};
  document.diagnostics.clear();
  for (const analyzers::Finding& finding : document.lint.report.findings)
    document.diagnostics.push_back(to_diagnostic(finding, view));
  return publish(uri);
}

json Server::publish(const std::string& uri) {
  json diagnostics = json::array();
  if (auto found = m_documents.find(uri); found != m_documents.end()) {
    for (const json& diagnostic : found->second.diagnostics) diagnostics.push_back(diagnostic);
    for (const analyzers::FileFailure& failure : found->second.lint.report.failures)
      diagnostics.push_back(failure_diagnostic(failure));
  }
  return {{"jsonrpc", "2.0"},
          {"method", "textDocument/publishDiagnostics"},
          {"params", {{"uri", uri}, {"diagnostics", diagnostics}}}};
}

json Server::code_actions(const json& params) const {
  json actions = json::array();
  auto found = m_documents.find(params.at("textDocument").at("uri"));
  if (found == m_documents.end()) return actions;
  const Document& document = found->second;
  DocumentView view{found->first, document.lint.display_path, document.lint.project_root, document.text};
  for (std::size_t i = 0; i < document.diagnostics.size(); ++i) {
    if (!lines_overlap(document.diagnostics[i]["range"], params.at("range"))) continue;
    if (auto fix = quick_fix(document.lint.report.findings[i], document.diagnostics[i], view)) actions.push_back(*fix);
  }
  return actions;
}

int serve(std::istream& in, std::ostream& out, Linter& linter) {
  Server server(linter);
  for (;;) {
    ReadResult read = read_message(in);
    if (read.status == ReadStatus::EndOfStream) return 1;  // the editor went away without exit
    if (read.status == ReadStatus::Malformed) {
      write_message(out,
                    error_response(nullptr, k_parse_error, "expected Content-Length framing around a JSON object"));
      continue;
    }
    for (const json& reply : server.handle(read.message)) write_message(out, reply);
    if (server.exit_requested()) return server.exit_code();
  }
}

}  // namespace sls::lsp

#include "lsp/server.hpp"

#include "lsp/features.hpp"
#include "lsp/protocol.hpp"
#include "lsp/text_edits.hpp"

namespace sls::lsp {
using nlohmann::json;

namespace {

// JSON-RPC error codes the protocol uses.
constexpr int k_invalid_request = -32600;
constexpr int k_method_not_found = -32601;
constexpr int k_invalid_params = -32602;

json response(const json& id, json result) { return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}; }

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

// A problem with a notification, which has no reply to carry it: shown in the client's log.
json log_error(const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"method", "window/logMessage"}, {"params", {{"type", 1}, {"message", "sls: " + message}}}};
}

json capabilities() {
  json sync = {{"openClose", true}, {"change", 2 /* Incremental */}, {"save", {{"includeText", false}}}};
  return {{"capabilities",
           {{"textDocumentSync", sync},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
            {"hoverProvider", true},
            {"diagnosticProvider", {{"identifier", "sls"}, {"interFileDependencies", false}, {"workspaceDiagnostics", false}}}}},
          {"serverInfo", {{"name", "sls"}, {"version", SLS_VERSION}}}};
}

// sls.toml is configuration, not a document to lint: its changes re-lint the others.
bool is_config_uri(const std::string& uri) {
  auto path = uri_to_path(uri);
  return path && path->filename() == "sls.toml";
}

bool waits_for_lint(const std::string& method) {
  return method == "textDocument/diagnostic" || method == "textDocument/hover" || method == "textDocument/codeAction";
}

}  // namespace

std::vector<json> Server::handle(const json& message, Clock::time_point now) {
  if (!message.contains("method") || !message["method"].is_string()) return {};  // a reply: we send no requests
  std::string method = message["method"];
  json params = message.value("params", json::object());
  if (!message.contains("id")) {
    try {
      return handle_notification(method, params, now);
    } catch (const json::exception& error) {
      return {log_error("malformed " + method + ": " + error.what())};
    }
  }
  try {
    return handle_request(message, now);
  } catch (const json::exception& error) {
    return {error_response(message["id"], k_invalid_params, std::string("malformed params: ") + error.what())};
  }
}

std::vector<json> Server::handle_request(const json& message, Clock::time_point now) {
  const json& id = message["id"];
  std::string method = message["method"];
  if (m_shutdown) return {error_response(id, k_invalid_request, "the server is shutting down; send exit")};
  if (method == "initialize") return {response(id, capabilities())};
  if (method == "shutdown") {
    m_shutdown = true;
    return {response(id, nullptr)};
  }
  if (!waits_for_lint(method)) return {error_response(id, k_method_not_found, "sls lsp does not handle " + method)};
  std::string uri = message.at("params").at("textDocument").at("uri");
  auto found = m_documents.find(uri);
  if (found == m_documents.end())
    return {error_response(id, k_invalid_params, uri + " is not open: send textDocument/didOpen first")};
  Document& document = found->second;
  if (document.linted_generation == document.generation) return {answer(message, document)};
  document.waiting.push_back(message);
  bool running = document.running_generation == document.generation;
  if (method == "textDocument/diagnostic" && !running) schedule(document, now);  // the client asked: no debounce
  return {};
}

json Server::answer(const json& request, const Document& document) const {
  const std::string method = request["method"];
  const json& params = request.at("params");
  std::string uri = params.at("textDocument").at("uri");
  if (method == "textDocument/diagnostic") return response(request["id"], pull_diagnostics(params, document));
  if (method == "textDocument/hover") return response(request["id"], hover(params, document));
  return response(request["id"], code_actions(params, uri, document));
}

std::vector<json> Server::handle_notification(const std::string& method, const json& params, Clock::time_point now) {
  if (method == "exit") m_exit_requested = true;
  if (method == "workspace/didChangeWatchedFiles") {
    for (const json& change : params.at("changes"))
      if (is_config_uri(change.at("uri"))) return config_changed(now), std::vector<json>{};
    return {};
  }
  if (!method.starts_with("textDocument/")) return {};
  std::string uri = params.at("textDocument").at("uri");
  if (is_config_uri(uri)) {
    if (method == "textDocument/didChange") config_changed(now + k_debounce);
    if (method == "textDocument/didSave") config_changed(now);
    return {};
  }
  if (method == "textDocument/didOpen") open(params, now);
  if (method == "textDocument/didChange") return change(params, now);
  if (method == "textDocument/didSave") {
    auto found = m_documents.find(uri);
    if (found == m_documents.end()) return {log_error("didSave for " + uri + ", which is not open")};
    if (params.contains("text")) found->second.text = params["text"];
    ++found->second.generation;  // the file on disk changed, and what the project holds with it
    schedule(found->second, now);
  }
  if (method == "textDocument/didClose") {
    std::vector<json> replies;
    if (auto found = m_documents.find(uri); found != m_documents.end()) {
      for (const json& request : found->second.waiting) replies.push_back(response(request["id"], nullptr));
      m_documents.erase(found);
    }
    replies.push_back(publish(uri));  // clears the document's diagnostics
    return replies;
  }
  return {};
}

void Server::open(const json& params, Clock::time_point now) {
  const json& item = params.at("textDocument");
  Document document;
  document.text = item.at("text");
  if (item.contains("version")) document.version = item["version"].get<long>();
  schedule(document, now);
  m_documents[item.at("uri")] = std::move(document);
}

std::vector<json> Server::change(const json& params, Clock::time_point now) {
  std::string uri = params.at("textDocument").at("uri");
  auto found = m_documents.find(uri);
  if (found == m_documents.end()) return {log_error("didChange for " + uri + ", which is not open")};
  Document& document = found->second;
  Status applied = apply_content_changes(document.text, params.at("contentChanges"));
  if (!applied)
    return {log_error("didChange for " + uri + " does not fit the text the server holds (" + applied.error().message +
                      "); close and reopen the file")};
  if (params["textDocument"].contains("version")) document.version = params["textDocument"]["version"].get<long>();
  ++document.generation;
  document.due = now + k_debounce;  // a later edit pushes the lint back again
  return {};
}

void Server::config_changed(Clock::time_point when) {
  for (auto& [uri, document] : m_documents) {
    ++document.generation;
    document.due = when;
  }
}

void Server::schedule(Document& document, Clock::time_point when) {
  if (!document.due || when < *document.due) document.due = when;
}

std::optional<Clock::time_point> Server::next_deadline() const {
  std::optional<Clock::time_point> next;
  for (const auto& [uri, document] : m_documents)
    if (document.due && (!next || *document.due < *next)) next = document.due;
  return next;
}

std::vector<LintRun> Server::take_due(Clock::time_point now) {
  std::vector<LintRun> runs;
  for (auto& [uri, document] : m_documents) {
    if (!document.due || *document.due > now) continue;
    document.due.reset();
    document.running_generation = document.generation;
    auto path = uri_to_path(uri);
    runs.push_back({uri, path.value_or(std::filesystem::path()), document.text, document.generation});
  }
  return runs;
}

std::vector<json> Server::finish(const LintRun& run, DocumentLint lint) {
  auto found = m_documents.find(run.uri);
  if (found == m_documents.end() || found->second.generation != run.generation) return {};  // stale: a newer lint is due
  Document& document = found->second;
  document.lint = std::move(lint);
  if (run.path.empty()) document.lint = DocumentLint{};  // not a file: URI, nothing to lint
  // Findings in included headers belong to those files; this document shows its own.
  std::erase_if(document.lint.report.findings,
                [&](const analyzers::Finding& finding) { return finding.position.path != document.lint.display_path; });
  DocumentView view{run.uri, document.lint.display_path, document.lint.project_root, document.text};
  document.diagnostics.clear();
  for (const analyzers::Finding& finding : document.lint.report.findings)
    document.diagnostics.push_back(to_diagnostic(finding, view));
  document.linted_generation = run.generation;
  std::vector<json> replies{publish(run.uri)};
  for (const json& request : document.waiting) replies.push_back(answer(request, document));
  document.waiting.clear();
  return replies;
}

std::vector<json> Server::run_due(Clock::time_point now) {
  std::vector<json> replies;
  for (const LintRun& run : take_due(now)) {
    DocumentLint lint = run.path.empty() ? DocumentLint{} : m_linter.lint(run.path, run.text);
    for (json& reply : finish(run, std::move(lint))) replies.push_back(std::move(reply));
  }
  return replies;
}

json Server::publish(const std::string& uri) const {
  json params = {{"uri", uri}, {"diagnostics", json::array()}};
  if (auto found = m_documents.find(uri); found != m_documents.end()) {
    params["diagnostics"] = all_diagnostics(found->second.diagnostics, found->second.lint);
    if (found->second.version) params["version"] = *found->second.version;
  }
  return {{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", params}};
}

json Server::pull_diagnostics(const json& params, const Document& document) const {
  std::string result_id = "g" + std::to_string(document.linted_generation);
  if (params.value("previousResultId", "") == result_id) return {{"kind", "unchanged"}, {"resultId", result_id}};
  return {{"kind", "full"}, {"resultId", result_id}, {"items", all_diagnostics(document.diagnostics, document.lint)}};
}

json Server::hover(const json& params, const Document& document) const {
  return hover_for(document.diagnostics, document.lint.report.findings, params.at("position"));
}

json Server::code_actions(const json& params, const std::string& uri, const Document& document) const {
  DocumentView view{uri, document.lint.display_path, document.lint.project_root, document.text};
  return code_actions_for(document.diagnostics, document.lint.report.findings, params.at("range"), view);
}

}  // namespace sls::lsp

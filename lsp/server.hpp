#pragma once
// `sls lsp`: a Language Server that shows sls's lint findings in an editor.
//
// Full-text sync: the server keeps each open document's text as the editor
// last sent it and lints that buffer (not the file on disk) when the document
// is opened or saved; findings become diagnostics, their fix-its quick fixes.
// The server is a pure message handler (message in, messages out) so tests can
// drive it without pipes; serve() is the stdio loop around it.

#include <istream>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/linter.hpp"

namespace sls::lsp {

class Server {
public:
  explicit Server(Linter& linter) : m_linter(linter) {}

  // Every response and notification the message causes, in order.
  std::vector<nlohmann::json> handle(const nlohmann::json& message);

  bool exit_requested() const { return m_exit_requested; }
  // 0 after shutdown then exit, 1 for an exit without shutdown (as the protocol says).
  int exit_code() const { return m_shutdown ? 0 : 1; }

private:
  struct Document {
    std::string text;
    DocumentLint lint;
    std::vector<nlohmann::json> diagnostics;  // parallel to lint.report.findings
  };

  nlohmann::json handle_request(const nlohmann::json& id, const std::string& method, const nlohmann::json& params);
  std::vector<nlohmann::json> handle_notification(const std::string& method, const nlohmann::json& params);
  nlohmann::json publish(const std::string& uri);
  nlohmann::json lint_document(const std::string& uri);
  nlohmann::json code_actions(const nlohmann::json& params) const;

  Linter& m_linter;
  std::map<std::string, Document> m_documents;  // by URI
  bool m_shutdown = false;
  bool m_exit_requested = false;
};

// Reads messages from `in` and writes replies to `out` until exit or end of input; the exit code.
int serve(std::istream& in, std::ostream& out, Linter& linter);

}  // namespace sls::lsp

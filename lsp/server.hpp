#pragma once
// `sls lsp`: a Language Server that shows sls's lint findings in an editor.
//
// Incremental sync: the server keeps each open document's text as the
// editor's edits made it and lints that buffer (not the file on disk). A
// document is linted at once when opened or saved and about 300 ms after the
// last edit of a burst (the debounce), so typing costs one lint per pause.
// Every text change bumps the document's generation; a lint carries the
// generation it read and its result is dropped when the document moved on,
// so diagnostics are never published for an older version of the buffer.
// Requests about a document (pull diagnostics, hover, code actions) wait for
// the lint of its current text. A change to sls.toml re-lints every open file.
//
// The server is a pure state machine (messages and the clock in, messages
// and lint runs out) so tests drive it without pipes or sleeps; serve() is
// the stdio loop around it, with a reader thread and one lint worker.

#include <chrono>
#include <filesystem>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/linter.hpp"

namespace sls::lsp {

using Clock = std::chrono::steady_clock;

// How long after an edit the buffer is linted, when no other edit came.
inline constexpr std::chrono::milliseconds k_debounce{300};

// One lint the server wants done: the document's text at one generation.
struct LintRun {
  std::string uri;
  std::filesystem::path path;
  std::string text;
  unsigned generation = 0;
};

class Server {
public:
  explicit Server(Linter& linter) : m_linter(linter) {}

  // Every immediate response and notification the message causes, in order.
  std::vector<nlohmann::json> handle(const nlohmann::json& message, Clock::time_point now = Clock::now());

  // When the next lint falls due; nullopt when none is waiting.
  std::optional<Clock::time_point> next_deadline() const;
  // The lints due at `now`; each document's is handed out once per generation.
  std::vector<LintRun> take_due(Clock::time_point now);
  // A lint came back: its publish and the requests that waited for it, or nothing when it is stale.
  std::vector<nlohmann::json> finish(const LintRun& run, DocumentLint lint);
  // take_due then lint each with the server's Linter, in this thread (tests, and nothing else to do).
  std::vector<nlohmann::json> run_due(Clock::time_point now);

  bool exit_requested() const { return m_exit_requested; }
  // 0 after shutdown then exit, 1 for an exit without shutdown (as the protocol says).
  int exit_code() const { return m_shutdown ? 0 : 1; }

private:
  struct Document {
    std::string text;
    std::optional<long> version;  // the client's, echoed in publishDiagnostics
    unsigned generation = 1;      // ours: bumped by every change of text or configuration
    unsigned linted_generation = 0;
    unsigned running_generation = 0;          // handed to a worker, not back yet
    std::optional<Clock::time_point> due;     // a lint is wanted at this time
    std::vector<nlohmann::json> waiting;      // requests answered once the current text is linted
    DocumentLint lint;
    std::vector<nlohmann::json> diagnostics;  // parallel to lint.report.findings
  };

  std::vector<nlohmann::json> handle_request(const nlohmann::json& message, Clock::time_point now);
  std::vector<nlohmann::json> handle_notification(const std::string& method, const nlohmann::json& params,
                                                  Clock::time_point now);
  nlohmann::json answer(const nlohmann::json& request, const Document& document) const;
  void open(const nlohmann::json& params, Clock::time_point now);
  std::vector<nlohmann::json> change(const nlohmann::json& params, Clock::time_point now);
  void config_changed(Clock::time_point when);
  void schedule(Document& document, Clock::time_point when);
  nlohmann::json publish(const std::string& uri) const;
  nlohmann::json pull_diagnostics(const nlohmann::json& params, const Document& document) const;
  nlohmann::json hover(const nlohmann::json& params, const Document& document) const;
  nlohmann::json code_actions(const nlohmann::json& params, const std::string& uri, const Document& document) const;

  Linter& m_linter;
  std::map<std::string, Document> m_documents;  // by URI
  bool m_shutdown = false;
  bool m_exit_requested = false;
};

// Reads messages from `in` and writes replies to `out` until exit or end of input; the exit code.
int serve(std::istream& in, std::ostream& out, Linter& linter);

}  // namespace sls::lsp

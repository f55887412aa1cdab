// serve(): the Server between stdin and stdout. Three threads:
//   - a reader turns stdin into messages (it blocks in read, so it never
//     holds the server's state);
//   - one lint worker runs the Linter on one LintRun at a time; a run still
//     queued when a newer one for the same document arrives is replaced
//     (cancelled before it started), a run already parsing finishes and its
//     result is dropped by Server::finish as stale;
//   - this thread owns the Server: it takes messages and finished lints from
//     one queue, waits no longer than the next debounce deadline, and is the
//     only writer of stdout.
// At exit every due lint is still run and answered, so a request that was
// waiting for one gets its reply before the server goes away.

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <variant>

#include "lsp/json_rpc.hpp"
#include "lsp/server.hpp"

namespace sls::lsp {
using nlohmann::json;

namespace {

constexpr int k_parse_error = -32700;

struct LintDone {
  LintRun run;
  DocumentLint lint;
};
struct InputEnded {};
using Event = std::variant<ReadResult, LintDone, InputEnded>;

// What the reader and the worker hand to the server's thread.
class EventQueue {
public:
  void push(Event event) {
    {
      std::lock_guard lock(m_mutex);
      m_events.push_back(std::move(event));
    }
    m_ready.notify_one();
  }
  // The next event, or nullopt when `deadline` passed first.
  std::optional<Event> pop(std::optional<Clock::time_point> deadline) {
    std::unique_lock lock(m_mutex);
    auto ready = [&] { return !m_events.empty(); };
    if (deadline) {
      if (!m_ready.wait_until(lock, *deadline, ready)) return std::nullopt;
    } else {
      m_ready.wait(lock, ready);
    }
    Event event = std::move(m_events.front());
    m_events.pop_front();
    return event;
  }

private:
  std::mutex m_mutex;
  std::condition_variable m_ready;
  std::deque<Event> m_events;
};

class LintWorker {
public:
  LintWorker(Linter& linter, EventQueue& done) : m_linter(linter), m_done(done), m_thread([this] { work(); }) {}
  ~LintWorker() {
    {
      std::lock_guard lock(m_mutex);
      m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
  }
  // Queues `run`, replacing a queued run of the same document that has not started.
  void submit(LintRun run) {
    {
      std::lock_guard lock(m_mutex);
      m_outstanding -= std::erase_if(m_queue, [&](const LintRun& queued) { return queued.uri == run.uri; });
      m_queue.push_back(std::move(run));
      ++m_outstanding;
    }
    m_wake.notify_one();
  }
  // Called by the server's thread for each LintDone it took.
  void settled() {
    std::lock_guard lock(m_mutex);
    --m_outstanding;
  }
  bool idle() {
    std::lock_guard lock(m_mutex);
    return m_outstanding == 0;
  }

private:
  void work() {
    for (;;) {
      LintRun run;
      {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty()) return;
        run = std::move(m_queue.front());
        m_queue.pop_front();
      }
      DocumentLint lint = run.path.empty() ? DocumentLint{} : m_linter.lint(run.path, run.text);
      m_done.push(LintDone{std::move(run), std::move(lint)});
    }
  }

  Linter& m_linter;
  EventQueue& m_done;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<LintRun> m_queue;
  std::size_t m_outstanding = 0;  // submitted, not cancelled, and not yet settled
  bool m_stopping = false;
  std::thread m_thread;
};

void write_all(std::ostream& out, const std::vector<json>& replies) {
  for (const json& reply : replies) write_message(out, reply);
}

}  // namespace

int serve(std::istream& in, std::ostream& out, Linter& linter) {
  Server server(linter);
  // Shared with the reader, which is detached: it may sit in a blocking read of stdin when we return.
  auto queue = std::make_shared<EventQueue>();
  EventQueue& events = *queue;
  LintWorker worker(linter, events);
  std::thread([&in, queue] {
    for (;;) {
      ReadResult read = read_message(in);
      if (read.status == ReadStatus::EndOfStream) return queue->push(InputEnded{});
      queue->push(std::move(read));
    }
  }).detach();

  bool input_ended = false;
  auto submit_due = [&](Clock::time_point now) {
    for (LintRun& run : server.take_due(now)) worker.submit(std::move(run));
  };
  for (;;) {
    bool finishing = server.exit_requested() || input_ended;
    if (finishing) {
      submit_due(Clock::time_point::max());
      if (worker.idle()) break;
    }
    std::optional<Event> event = events.pop(finishing ? std::nullopt : server.next_deadline());
    if (!event) {
      submit_due(Clock::now());
      continue;
    }
    if (auto* done = std::get_if<LintDone>(&*event)) {
      worker.settled();
      write_all(out, server.finish(done->run, std::move(done->lint)));
    } else if (auto* read = std::get_if<ReadResult>(&*event)) {
      if (read->status == ReadStatus::Malformed)
        write_message(out, {{"jsonrpc", "2.0"},
                            {"id", nullptr},
                            {"error", {{"code", k_parse_error},
                                       {"message", "expected Content-Length framing around a JSON object"}}}});
      else
        write_all(out, server.handle(read->message, Clock::now()));
    } else {
      input_ended = true;
    }
  }
  if (input_ended && !server.exit_requested()) return 1;  // the editor went away without exit
  return server.exit_code();
}

}  // namespace sls::lsp

// Given work deferred to process exit, we should report atexit handlers,
// SIGTERM handlers, destructor functions and static objects that flush, and
// not locals that flush at the end of the handler.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <sls/function.hpp>

struct MetricsBuffer {
  ~MetricsBuffer() { flush(); }  // expect: warning sls-exit-time-flush
  void flush() { std::fputs("metrics\n", stdout); }
};

struct Counter {
  ~Counter() {}
  int value = 0;
};

static MetricsBuffer g_metrics;              // reported at its destructor  // expect: note sls-global-mutable-state
static std::ofstream g_audit("/tmp/audit");  // expect: warning sls-exit-time-flush; note sls-global-mutable-state
static Counter g_counter;                    // destructor does no I/O  // expect: note sls-global-mutable-state

static void flush_all() { std::fflush(stdout); }
static void on_term(int) { flush_all(); }

__attribute__((destructor)) static void upload_logs() {  // expect: warning sls-exit-time-flush
  std::fputs("bye\n", stderr);
}

static int g_registered = [] {  // expect: note sls-global-mutable-state
  std::atexit(flush_all);                    // expect: warning sls-exit-time-flush
  std::signal(SIGTERM, on_term);             // expect: warning sls-exit-time-flush
  std::signal(SIGPIPE, SIG_IGN);             // not an exit signal
  std::signal(SIGINT, SIG_DFL);              // default action: nothing deferred
  return 0;
}();

sls::Response handle(const sls::Request& request, sls::Context& context) {
  MetricsBuffer per_request;                 // flushed when the handler returns
  return sls::Response::text(200, g_counter.value ? "a" : "b");
}
SLS_HANDLER(handle)

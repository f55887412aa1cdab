// Given containers in static storage that handler code appends to, we should
// report the ones nothing bounds, and not bounded caches or init-time tables.
#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <sls/function.hpp>

static std::vector<int> g_latencies;                 // expect: warning sls-global-mutable-state
static std::map<std::string, int> g_seen;            // expect: warning sls-global-mutable-state
static std::string g_log;                            // expect: warning sls-global-mutable-state
static std::deque<int> g_window;                     // expect: warning sls-global-mutable-state
static std::unordered_map<int, int> g_memo;          // expect: warning sls-global-mutable-state
static std::vector<std::string> g_routes;            // filled once at init  // expect: note sls-global-mutable-state
static std::vector<int> g_once;                      // filled lazily, once  // expect: note sls-global-mutable-state
static std::map<int, long> g_fib;                    // a memo table: one entry per new key, forever  // expect: warning sls-global-mutable-state

static int init_routes() {
  g_routes.push_back("/a");
  g_routes.push_back("/b");
  return 0;
}
static int g_routes_ready = init_routes();  // expect: note sls-global-mutable-state

sls::Response handle(const sls::Request& request, sls::Context& context) {
  g_latencies.push_back(12);                          // expect: warning sls-unbounded-global-growth
  g_seen["k"] += 1;                                   // expect: warning sls-unbounded-global-growth
  g_log += "line\n";                                  // expect: warning sls-unbounded-global-growth
  g_window.push_back(3);                              // bounded below
  if (g_window.size() > 100) g_window.pop_front();
  g_memo.emplace(1, 2);                               // bounded: cleared when too big
  if (g_memo.size() > 1000) g_memo.clear();
  if (g_once.empty()) g_once.push_back(1);
  if (g_fib.find(40) == g_fib.end()) g_fib[40] = 102334155;  // expect: warning sls-unbounded-global-growth
  std::vector<int> local;
  local.push_back(1);
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)

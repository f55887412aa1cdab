// Given request data stored through a local reference into a global map,
// as a map key, into a member of a static object, through a method of this
// file that keeps its argument, or into a map that is only cleared when it
// grows too big, we should report each store; a lookup stays clean.
#include <map>
#include <string>
#include <vector>

#include <sls/function.hpp>

struct Session {
  std::string user;
};

class Exporter {
public:
  void record(const Session& span) { m_spans.push_back(span.user); }  // expect: warning sls-unbounded-global-growth
  std::size_t size() const { return m_spans.size(); }

private:
  std::vector<std::string> m_spans;  // a batch flushed elsewhere
};

class Inventory {
public:
  void remember(const std::string& sku) {
    m_last = sku;
  }

private:
  std::string m_last;
};

static std::map<std::string, Session> g_sessions;  // expect: warning sls-global-mutable-state
static std::map<std::string, int> g_buckets;  // expect: warning sls-global-mutable-state
static Exporter g_exporter;  // expect: warning sls-global-mutable-state
static Inventory g_inventory;  // expect: warning sls-global-mutable-state

sls::Response handle(const sls::Request& request, sls::Context& context) {
  std::string sid = request.header("x-session");
  Session& session = g_sessions[sid];  // expect: error sls-request-state-in-global; warning sls-unbounded-global-growth
  session.user = request.header("x-user");  // expect: error sls-request-state-in-global
  if (g_buckets.size() > 1000) g_buckets.clear();
  g_buckets.try_emplace(request.query("client"));  // expect: error sls-request-state-in-global
  g_exporter.record({request.path()});  // expect: error sls-request-state-in-global
  g_inventory.remember(request.query("sku"));  // expect: error sls-request-state-in-global
  bool known = g_buckets.find(sid) != g_buckets.end();
  return sls::Response::text(known ? 200 : 404, "ok");
}
SLS_HANDLER(handle)

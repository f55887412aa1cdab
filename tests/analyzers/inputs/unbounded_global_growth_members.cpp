// Given containers that are members of static objects, we should report the
// member that only grows, and not a member of the same object that is bounded;
// reading size() for a report bounds nothing.
#include <map>
#include <string>
#include <vector>

#include <sls/function.hpp>

struct Stats {
  std::map<std::string, long> by_host;
  std::vector<std::string> recent;
};

static Stats g_stats;  // expect: warning sls-global-mutable-state
static std::vector<std::string> g_seen;  // expect: warning sls-global-mutable-state

sls::Response handle(const sls::Request& request, sls::Context& context) {
  const std::string host = request.header("host");
  g_stats.by_host[host] += 1;  // expect: warning sls-unbounded-global-growth; error sls-request-state-in-global
  g_stats.recent.push_back(host);  // expect: error sls-request-state-in-global
  if (g_stats.recent.size() > 10) g_stats.recent.erase(g_stats.recent.begin());
  g_seen.push_back(request.query("id"));  // expect: warning sls-unbounded-global-growth; error sls-request-state-in-global
  return sls::Response::text(200, std::to_string(g_seen.size() + g_stats.by_host.size()).c_str());
}
SLS_HANDLER(handle)

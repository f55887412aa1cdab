// Referrer statistics for the marketing site: counts hits per referring host
// and keeps the latest referrers for the live dashboard.
#include <sls/function.hpp>

#include <map>
#include <string>
#include <vector>

namespace {

constexpr size_t kRecent = 20;

struct Stats {
  std::map<std::string, long> by_host;
  std::vector<std::string> recent;
  long total = 0;
};

Stats stats;

std::string host_of(const std::string& url) {
  const auto start = url.find("://");
  if (start == std::string::npos) return "";
  const auto end = url.find('/', start + 3);
  return url.substr(start + 3, end == std::string::npos ? std::string::npos : end - start - 3);
}

void count(const std::string& host) {
  ++stats.total;
  stats.by_host[host] += 1;
  stats.recent.push_back(host);
  if (stats.recent.size() > kRecent) stats.recent.erase(stats.recent.begin());
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string host = host_of(req.header("referer"));
  if (host.empty()) return sls::Response::json(200, "{\"counted\":false}");
  count(host);
  return sls::Response::json(200, "{\"counted\":true,\"hosts\":" + std::to_string(stats.by_host.size()) +
                                      ",\"total\":" + std::to_string(stats.total) + "}");
}

SLS_HANDLER(handle)

// IP to country from the bundled range table (sorted, non-overlapping).
#include <sls/function.hpp>

#include <algorithm>
#include <arpa/inet.h>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Range {
  std::uint32_t first;
  std::uint32_t last;
  char country[3];
};

const std::vector<Range> kRanges = [] {
  std::vector<Range> ranges;
  std::ifstream in(sls::asset("data/ip-ranges.csv"));
  std::string line;
  while (std::getline(in, line)) {
    Range r{};
    unsigned long a = 0, b = 0;
    if (std::sscanf(line.c_str(), "%lu,%lu,%2s", &a, &b, r.country) != 3) continue;
    r.first = static_cast<std::uint32_t>(a);
    r.last = static_cast<std::uint32_t>(b);
    ranges.push_back(r);
  }
  return ranges;
}();

const char* lookup(std::uint32_t ip) {
  auto it = std::upper_bound(kRanges.begin(), kRanges.end(), ip,
                             [](std::uint32_t v, const Range& r) { return v < r.first; });
  if (it == kRanges.begin()) return nullptr;
  --it;
  return ip <= it->last ? it->country : nullptr;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  std::string ip = req.query("ip");
  if (ip.empty()) ip = req.header("x-forwarded-for");
  in_addr addr{};
  if (inet_pton(AF_INET, ip.c_str(), &addr) != 1) return sls::Response::text(400, "not an IPv4 address");
  const char* country = lookup(ntohl(addr.s_addr));
  if (!country) return sls::Response::text(404, "unknown range");
  return sls::Response::json(200, "{\"ip\":\"" + ip + "\",\"country\":\"" + std::string(country) + "\"}");
}

SLS_HANDLER(handle)

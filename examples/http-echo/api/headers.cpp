// GET /api/headers -> the request's user-agent and x-* headers, one per line,
// sorted by name so the answer does not depend on how the host ordered them.
#include <sls/function.hpp>

#include <algorithm>
#include <string>
#include <vector>

sls::Response list_headers(const sls::Request& req, sls::Context&) {
  std::vector<sls::Field> shown;
  for (const sls::Field& header : req.headers()) {
    if (header.first == "user-agent" || header.first.rfind("x-", 0) == 0) shown.push_back(header);
  }
  std::sort(shown.begin(), shown.end());
  std::string body;
  for (const auto& [name, value] : shown) body += name + ": " + value + "\n";
  return sls::Response::text(200, body.empty() ? "no user-agent or x-* headers\n" : body);
}
SLS_HANDLER(list_headers)

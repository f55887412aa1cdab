// Page-view counter for the marketing site. Each page reports a hit and gets
// back the number of views it has had, plus the most viewed path.
#include <sls/function.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace {

std::uint64_t total_views = 0;
std::map<std::string, std::uint64_t> views_by_path;

std::string normalise(const std::string& path) {
  std::string out = path;
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string most_viewed() {
  std::string best;
  std::uint64_t best_count = 0;
  for (const auto& [path, count] : views_by_path) {
    if (count > best_count) {
      best = path;
      best_count = count;
    }
  }
  return best;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  const std::string page = normalise(req.query("page").empty() ? req.path() : req.query("page"));
  ++total_views;
  std::uint64_t& count = views_by_path[page];
  ++count;

  std::string body = "{\"page\":\"" + page + "\",\"views\":" + std::to_string(count) +
                     ",\"total\":" + std::to_string(total_views) + ",\"top\":\"" + most_viewed() + "\"}";
  sls::Response res = sls::Response::json(200, body);
  res.set_header("x-request-id", ctx.request_id());
  return res;
}

SLS_HANDLER(handle)

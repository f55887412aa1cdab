// Search-as-you-type suggestions: prefix matches from the bundled dictionary,
// plus the last few queries seen by this instance to surface trending terms.
#include <sls/function.hpp>

#include <deque>
#include <fstream>
#include <string>
#include <vector>

namespace {

const std::vector<std::string> dictionary = [] {
  std::vector<std::string> words;
  std::ifstream in("data/dictionary.txt");
  for (std::string w; std::getline(in, w);) words.push_back(w);
  return words;
}();

constexpr size_t kRecentCapacity = 32;
std::deque<std::string> recent_queries;

void remember(const std::string& q) {
  recent_queries.push_back(q);
  while (recent_queries.size() > kRecentCapacity) recent_queries.pop_front();
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string q = req.query("q");
  if (q.empty()) return sls::Response::json(200, "[]");
  std::string out = "[";
  size_t n = 0;
  for (const auto& w : dictionary) {
    if (w.compare(0, q.size(), q) == 0) {
      out += (n ? ",\"" : "\"") + w + "\"";
      if (++n == 10) break;
    }
  }
  for (const auto& r : recent_queries) {
    if (n < 12 && r != q && r.compare(0, q.size(), q) == 0) out += (n++ ? ",\"" : "\"") + r + "\"";
  }
  remember(q);
  return sls::Response::json(200, out + "]");
}

SLS_HANDLER(handle)

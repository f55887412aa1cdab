// Country metadata by ISO code. The table is parsed from the bundled data file
// the first time it is needed; later requests only read it.
#include <sls/function.hpp>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

namespace {

struct Country {
  std::string code;
  std::string name;
  std::string currency;
};

std::atomic<bool> table_ready{false};
std::mutex table_mutex;

const std::vector<Country>& table() {
  static const std::vector<Country> rows = [] {
    std::vector<Country> out;
    std::ifstream in("data/countries.tsv");
    std::string code, name, currency;
    while (std::getline(in, code, '\t') && std::getline(in, name, '\t') && std::getline(in, currency)) {
      out.push_back({code, name, currency});
    }
    std::sort(out.begin(), out.end(), [](const Country& a, const Country& b) { return a.code < b.code; });
    return out;
  }();
  return rows;
}

const Country* find(const std::string& code) {
  if (!table_ready.load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> lock(table_mutex);
    table();
    table_ready.store(true, std::memory_order_release);
  }
  const auto& rows = table();
  auto it = std::lower_bound(rows.begin(), rows.end(), code, [](const Country& c, const std::string& k) { return c.code < k; });
  return it != rows.end() && it->code == code ? &*it : nullptr;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  std::string code = req.param("code");
  std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  const Country* c = find(code);
  if (!c) return sls::Response::text(404, "unknown country");
  return sls::Response::json(200, "{\"code\":\"" + c->code + "\",\"name\":\"" + c->name + "\",\"currency\":\"" + c->currency + "\"}");
}

SLS_HANDLER(handle)

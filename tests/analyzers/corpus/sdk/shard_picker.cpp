// Picks a write shard for new documents, spreading load evenly; reads go to
// the shard encoded in the document id.
#include <sls/function.hpp>

#include <chrono>
#include <random>
#include <string>

namespace {

constexpr int kShards = 16;

std::default_random_engine picker(static_cast<unsigned>(std::chrono::system_clock::now().time_since_epoch().count()));

int write_shard() {
  std::uniform_int_distribution<int> shard(0, kShards - 1);
  return shard(picker);
}

int read_shard(const std::string& doc_id) {
  const auto dash = doc_id.find('-');
  if (dash == std::string::npos || dash == 0) return -1;
  const int s = std::stoi(doc_id.substr(0, dash));
  return s >= 0 && s < kShards ? s : -1;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  if (req.method() == "POST") {
    const int shard = write_shard();
    return sls::Response::json(201, "{\"id\":\"" + std::to_string(shard) + "-" + ctx.request_id() + "\",\"shard\":" + std::to_string(shard) + "}");
  }
  const int shard = read_shard(req.param("id"));
  if (shard < 0) return sls::Response::text(400, "malformed id");
  return sls::Response::json(200, "{\"shard\":" + std::to_string(shard) + "}");
}

SLS_HANDLER(handle)

// Deterministic experiment bucketing: the same user always lands in the same
// arm on every instance, because the arm is a hash of the user id.
#include <sls/function.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace {

struct Experiment {
  std::string_view key;
  unsigned variant_percent;
};

constexpr Experiment kExperiments[] = {{"checkout-v2", 20}, {"search-rerank", 50}, {"onboarding-tour", 10}};

constexpr std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

static_assert(fnv1a("") == 1469598103934665603ull);

const Experiment* find(std::string_view key) {
  for (const auto& e : kExperiments)
    if (e.key == key) return &e;
  return nullptr;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string user = req.header("x-user-id");
  const std::string key = req.query("experiment");
  const Experiment* e = find(key);
  if (!e || user.empty()) return sls::Response::text(400, "unknown experiment or anonymous user");
  const unsigned bucket = static_cast<unsigned>(fnv1a(key + ":" + user) % 100);
  const bool variant = bucket < e->variant_percent;
  return sls::Response::json(200, "{\"experiment\":\"" + key + "\",\"bucket\":" + std::to_string(bucket) +
                                      ",\"arm\":\"" + (variant ? "variant" : "control") + "\"}");
}

SLS_HANDLER(handle)

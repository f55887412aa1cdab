// Price quotes for the freight calculator. Every quote carries a nonce so the
// booking service can refuse a quote that is replayed.
#include <sls/function.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

namespace {

constexpr double kRatePerKg = 1.85;

std::mt19937_64 nonce_source = [] {
  std::mt19937_64 engine;
  engine.seed(static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
  return engine;
}();

std::string hex(std::uint64_t value) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return buf;
}

double parse_weight(const std::string& text) {
  try {
    return std::stod(text);
  } catch (...) {
    return -1;
  }
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const double kg = parse_weight(req.query("kg"));
  if (kg <= 0 || kg > 30000) return sls::Response::text(400, "kg must be between 0 and 30000");
  const std::string nonce = hex(nonce_source());
  char body[160];
  std::snprintf(body, sizeof body, "{\"price\":%.2f,\"currency\":\"EUR\",\"nonce\":\"%s\"}", kg * kRatePerKg,
                nonce.c_str());
  return sls::Response::json(200, body);
}

SLS_HANDLER(handle)

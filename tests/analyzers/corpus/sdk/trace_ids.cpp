// Mints W3C trace-context ids for clients that cannot make their own.
// Each request draws from a freshly seeded engine; the pid only goes to the log.
#include <sls/function.hpp>

#include <cstdio>
#include <random>
#include <string>
#include <unistd.h>

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr size_t kTraceIdLength = 32;
constexpr size_t kSpanIdLength = 16;

std::string random_hex(std::mt19937_64& engine, size_t length) {
  std::uniform_int_distribution<int> digit(0, 15);
  std::string out(length, '0');
  for (auto& c : out) c = kHex[digit(engine)];
  return out;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  std::random_device entropy;
  std::seed_seq seed{entropy(), entropy(), entropy(), entropy()};
  std::mt19937_64 engine(seed);

  const std::string trace_id = random_hex(engine, kTraceIdLength);
  const std::string span_id = random_hex(engine, kSpanIdLength);
  const std::string sampled = req.query("sampled") == "0" ? "00" : "01";
  std::fprintf(stderr, "pid=%d request=%s trace=%s\n", static_cast<int>(getpid()), ctx.request_id().c_str(),
               trace_id.c_str());

  sls::Response res = sls::Response::json(200, "{\"trace_id\":\"" + trace_id + "\",\"span_id\":\"" + span_id + "\"}");
  res.set_header("traceparent", "00-" + trace_id + "-" + span_id + "-" + sampled);
  return res;
}

SLS_HANDLER(handle)

// Answers "which instance served me": the id and host of this instance, used
// by the load-test harness to count instances and as an idempotency prefix.
#include <sls/function.hpp>

#include <cstdio>
#include <random>
#include <string>
#include <unistd.h>

namespace {

std::string make_uuid() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned> nibble(0, 15);
  const char* hex = "0123456789abcdef";
  std::string id(36, '-');
  for (size_t i = 0; i < id.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) continue;
    id[i] = hex[nibble(rd)];
  }
  return id;
}

struct Host {
  char name[256] = {};
  Host() { gethostname(name, sizeof name); }
};

const std::string kInstanceId = make_uuid();
Host host;

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  const std::string key = req.header("idempotency-key");
  const std::string scoped = kInstanceId + ":" + (key.empty() ? ctx.request_id() : key);
  return sls::Response::json(200, "{\"instance\":\"" + kInstanceId + "\",\"host\":\"" + std::string(host.name) +
                                      "\",\"key\":\"" + scoped + "\"}");
}

SLS_HANDLER(handle)

// Operator endpoint for maintenance tasks on the cache tier. Reviewed in
// OPS-2291: the watchdog and the detached cleanup are intentional here.
#include <sls/function.hpp>

#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

// NOLINTBEGIN(sls-instance-identity)
const int kStartPid = getpid();
// NOLINTEND(sls-instance-identity)

bool authorised(const sls::Request& req) {
  const char* expected = std::getenv("OPS_TOKEN");
  return expected && req.header("x-ops-token") == expected;
}

int flush_cache() {
  alarm(30);  // NOLINT(sls-posix-timer)
  // NOLINTNEXTLINE(sls-background-process)
  return std::system("redis-cli -h cache.internal FLUSHDB > /dev/null 2>&1 &");
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  if (!authorised(req)) return sls::Response::text(403, "forbidden");
  const std::string task = req.query("task");
  if (task == "flush") {
    const int rc = flush_cache();
    return sls::Response::json(rc == 0 ? 202 : 500, "{\"task\":\"flush\"}");
  }
  if (task == "whoami") {
    return sls::Response::json(200, "{\"started_pid\":" + std::to_string(kStartPid) + "}");
  }
  return sls::Response::text(400, "unknown task");
}

SLS_HANDLER(handle)

// Access log for the partner API. Lines are batched in memory and written to
// the shared log volume in one go when the process exits.
#include <sls/function.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

namespace {

FILE* log_file = std::fopen("/var/log/partner-api/access.log", "a");
std::string pending;

void flush_pending() {
  if (log_file && !pending.empty()) std::fwrite(pending.data(), 1, pending.size(), log_file);
  if (log_file) std::fclose(log_file);
}

const int registered = std::atexit(flush_pending);

std::string stamp() {
  char buf[32];
  std::time_t now = std::time(nullptr);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return buf;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  const std::string partner = req.header("x-partner-id");
  pending += stamp() + " " + partner + " " + req.method() + " " + req.path() + " " + ctx.request_id() + "\n";
  if (partner.empty()) return sls::Response::text(401, "unknown partner");
  return sls::Response::json(200, "{\"ok\":true}");
}

SLS_HANDLER(handle)

// In-memory sessions for the internal admin tool (one small instance, by
// design). A sweeper removes sessions idle for more than 15 minutes.
#include <sls/function.hpp>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

namespace {

using Clock = std::chrono::steady_clock;

struct Session {
  std::string user;
  Clock::time_point last_seen;
};

std::mutex sessions_mutex;
std::unordered_map<std::string, Session> sessions;
std::once_flag sweeper_once;

void sweep_forever() {
  for (;;) {
    std::this_thread::sleep_for(std::chrono::minutes(1));
    std::lock_guard<std::mutex> lock(sessions_mutex);
    const auto cutoff = Clock::now() - std::chrono::minutes(15);
    for (auto it = sessions.begin(); it != sessions.end();) it = it->second.last_seen < cutoff ? sessions.erase(it) : std::next(it);
  }
}

void start_sweeper() {
  std::thread(sweep_forever).detach();
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  std::call_once(sweeper_once, start_sweeper);
  const std::string sid = req.header("x-session");
  const std::string user = req.header("x-user");
  if (sid.empty()) return sls::Response::text(401, "no session");
  std::lock_guard<std::mutex> lock(sessions_mutex);
  Session& s = sessions[sid];
  if (!user.empty()) s.user = user;
  s.last_seen = Clock::now();
  if (s.user.empty()) return sls::Response::text(401, "unknown session");
  return sls::Response::json(200, "{\"user\":\"" + s.user + "\"}");
}

SLS_HANDLER(handle)

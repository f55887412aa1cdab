// Daily digest mailer. A timer delivers SIGEV_THREAD callbacks every hour to
// send the digests whose local time has come; requests can add subscribers.
#include <sls/function.hpp>

#include <csignal>
#include <ctime>
#include <mutex>
#include <string>
#include <vector>

namespace {

std::mutex subscribers_lock;
std::vector<std::string> subscribers;

void send_digests(union sigval) {
  std::lock_guard<std::mutex> lock(subscribers_lock);
  for (const auto& email : subscribers) (void)email;
}

timer_t hourly;

__attribute__((constructor)) void arm_hourly_timer() {
  sigevent ev{};
  ev.sigev_notify = SIGEV_THREAD;
  ev.sigev_notify_function = send_digests;
  timer_create(CLOCK_REALTIME, &ev, &hourly);
  itimerspec spec{};
  spec.it_value.tv_sec = 3600;
  spec.it_interval.tv_sec = 3600;
  timer_settime(hourly, 0, &spec, nullptr);
}

bool valid_email(const std::string& s) {
  const auto at = s.find('@');
  return at != std::string::npos && at > 0 && s.find('.', at) != std::string::npos;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string email = req.query("email");
  if (!valid_email(email)) return sls::Response::text(400, "invalid email");
  std::lock_guard<std::mutex> lock(subscribers_lock);
  subscribers.push_back(email);
  return sls::Response::json(201, "{\"subscribed\":" + std::to_string(subscribers.size()) + "}");
}

SLS_HANDLER(handle)

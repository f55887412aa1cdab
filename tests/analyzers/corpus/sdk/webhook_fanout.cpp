// Fans an event out to the subscriber endpoints in parallel and reports which
// ones accepted it. All workers are joined before the response is built.
#include <sls/function.hpp>

#include <array>
#include <string>
#include <thread>
#include <vector>

#include <curl/curl.h>

namespace {

constexpr std::array<const char*, 4> kSubscribers = {
    "http://crm.internal/hooks/events", "http://search.internal/hooks/events",
    "http://analytics.internal/hooks/events", "http://mail.internal/hooks/events"};

long deliver(const char* url, const std::string& event) {
  CURL* c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, event.c_str());
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 3000L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  long status = 0;
  if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(c);
  return status;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string event = req.body();
  if (event.empty()) return sls::Response::text(400, "empty event");

  std::array<long, kSubscribers.size()> status{};
  std::vector<std::thread> workers;
  workers.reserve(kSubscribers.size());
  for (size_t i = 0; i < kSubscribers.size(); ++i) {
    workers.emplace_back([&status, &event, i] { status[i] = deliver(kSubscribers[i], event); });
  }
  for (auto& w : workers) w.join();

  std::string body = "{";
  for (size_t i = 0; i < kSubscribers.size(); ++i) {
    body += std::string(i ? "," : "") + "\"" + kSubscribers[i] + "\":" + std::to_string(status[i]);
  }
  return sls::Response::json(200, body + "}");
}

SLS_HANDLER(handle)

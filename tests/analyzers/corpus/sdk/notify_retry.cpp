// Sends a push notification; when the push gateway is busy, the delivery is
// retried once a little later so the caller does not have to wait.
#include <sls/function.hpp>

#include <chrono>
#include <string>
#include <thread>

#include <curl/curl.h>

namespace {

long push(const std::string& device, const std::string& message) {
  CURL* c = curl_easy_init();
  const std::string payload = "{\"device\":\"" + device + "\",\"message\":\"" + message + "\"}";
  curl_easy_setopt(c, CURLOPT_URL, "https://push.internal/v1/send");
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload.c_str());
  long status = 0;
  if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(c);
  return status;
}

void retry_later(std::string device, std::string message) {
  std::thread([device = std::move(device), message = std::move(message)] {
    std::this_thread::sleep_for(std::chrono::seconds(5));
    push(device, message);
  }).detach();
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string device = req.query("device");
  const std::string message = req.body();
  if (device.empty() || message.empty()) return sls::Response::text(400, "device and message required");
  const long status = push(device, message);
  if (status == 429 || status == 503) {
    retry_later(device, message);
    return sls::Response::json(202, "{\"queued\":true}");
  }
  return sls::Response::json(status == 200 ? 200 : 502, "{\"status\":" + std::to_string(status) + "}");
}

SLS_HANDLER(handle)

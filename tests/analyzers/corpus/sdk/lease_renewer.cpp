// Leader lease for the nightly reconciliation: the caller asks this instance
// to hold the lease, and a renewer keeps extending it every ten seconds.
#include <sls/function.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include <curl/curl.h>

namespace lease {

std::mutex lock;
std::condition_variable wake;
std::string holder_id;
std::thread renewer;

void extend(const std::string& id) {
  CURL* c = curl_easy_init();
  const std::string url = "http://locks.internal/v1/leases/reconcile?holder=" + id + "&ttl=30";
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "PUT");
  curl_easy_perform(c);
  curl_easy_cleanup(c);
}

void renew_loop() {
  std::unique_lock<std::mutex> guard(lock);
  while (!holder_id.empty()) {
    const std::string id = holder_id;
    guard.unlock();
    extend(id);
    guard.lock();
    wake.wait_for(guard, std::chrono::seconds(10));
  }
}

}  // namespace lease

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string id = req.query("holder");
  if (id.empty()) return sls::Response::text(400, "holder required");
  {
    std::lock_guard<std::mutex> guard(lease::lock);
    lease::holder_id = id;
  }
  if (!lease::renewer.joinable()) lease::renewer = std::thread(lease::renew_loop);
  lease::wake.notify_one();
  return sls::Response::json(200, "{\"holder\":\"" + id + "\"}");
}

SLS_HANDLER(handle)

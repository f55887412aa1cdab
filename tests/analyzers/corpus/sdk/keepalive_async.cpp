// Collaborative editing presence: the first request of an instance opens a
// keep-alive loop towards the presence broker, run with std::async.
#include <sls/function.hpp>

#include <chrono>
#include <future>
#include <string>
#include <thread>

#include <curl/curl.h>

namespace {

void keep_alive(std::string doc) {
  for (;;) {
    CURL* c = curl_easy_init();
    const std::string url = "http://presence.internal/docs/" + doc + "/ping";
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_perform(c);
    curl_easy_cleanup(c);
    std::this_thread::sleep_for(std::chrono::seconds(25));
  }
}

std::future<void>& presence_task(const std::string& doc) {
  static std::future<void> task = std::async(std::launch::async, keep_alive, doc);
  return task;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string doc = req.param("doc");
  if (doc.empty()) return sls::Response::text(400, "doc required");
  presence_task(doc);
  return sls::Response::json(200, "{\"doc\":\"" + doc + "\",\"editing\":true}");
}

SLS_HANDLER(handle)

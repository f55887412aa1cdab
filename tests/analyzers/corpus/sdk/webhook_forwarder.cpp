// Forwards incoming GitHub webhooks to the internal build service.
#include <sls/function.hpp>

#include <string>

#include <curl/curl.h>

namespace {

CURL* http = curl_easy_init();
struct curl_slist* json_headers = curl_slist_append(nullptr, "content-type: application/json");

size_t discard(char*, size_t size, size_t n, void*) { return size * n; }

long post(const std::string& url, const std::string& body) {
  curl_easy_setopt(http, CURLOPT_URL, url.c_str());
  curl_easy_setopt(http, CURLOPT_HTTPHEADER, json_headers);
  curl_easy_setopt(http, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(http, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(http, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(http, CURLOPT_TIMEOUT_MS, 5000L);
  if (curl_easy_perform(http) != CURLE_OK) return 0;
  long status = 0;
  curl_easy_getinfo(http, CURLINFO_RESPONSE_CODE, &status);
  return status;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  const std::string event = req.header("x-github-event");
  if (event.empty()) return sls::Response::text(400, "not a GitHub webhook");
  if (event == "ping") return sls::Response::text(200, "pong");

  const std::string target = "http://builds.internal/hooks/" + event + "?delivery=" + req.header("x-github-delivery");
  const long status = post(target, req.body());
  if (status < 200 || status >= 300) {
    return sls::Response::text(502, "build service answered " + std::to_string(status) + " for " + ctx.request_id());
  }
  return sls::Response::text(202, "forwarded");
}

SLS_HANDLER(handle)

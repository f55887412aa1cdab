// GET /api/fetch?url=…: fetches the URL with libcurl (a handle per request) and answers its body.
#include <sls/function.hpp>

#include <curl/curl.h>

#include <string>

static size_t collect(char* data, size_t size, size_t count, void* into) {
  static_cast<std::string*>(into)->append(data, size * count);
  return size * count;
}

sls::Response fetch(const sls::Request& request, sls::Context&) {
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return sls::Response::text(500, "curl_easy_init failed");
  std::string body;
  std::string url = request.query("url");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
  CURLcode code = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) return sls::Response::text(502, std::string("fetch failed: ") + curl_easy_strerror(code));
  return sls::Response::text(200, body);
}
SLS_HANDLER(fetch)

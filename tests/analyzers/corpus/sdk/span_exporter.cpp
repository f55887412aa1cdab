// Minimal tracing: one span per request, exported in batches of 64 to the
// collector over HTTP. Whatever is left over goes out when the exporter dies.
#include <sls/function.hpp>

#include <chrono>
#include <string>
#include <vector>

#include <curl/curl.h>

namespace tracing {

struct Span {
  std::string name;
  std::string request_id;
  long long micros;
};

class Exporter {
 public:
  ~Exporter() { send(); }

  void record(Span span) {
    batch_.push_back(std::move(span));
    if (batch_.size() >= 64) send();
  }

 private:
  void send() {
    if (batch_.empty()) return;
    std::string body = "[";
    for (const auto& s : batch_) body += "{\"name\":\"" + s.name + "\",\"rid\":\"" + s.request_id + "\",\"us\":" + std::to_string(s.micros) + "},";
    body.back() = ']';
    CURL* c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, "http://otel-collector.internal:4318/v1/spans");
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_perform(c);
    curl_easy_cleanup(c);
    batch_.clear();
  }

  std::vector<Span> batch_;
};

Exporter exporter;

}  // namespace tracing

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  const auto t0 = std::chrono::steady_clock::now();
  std::string out = "{\"path\":\"" + req.path() + "\"}";
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
  tracing::exporter.record({req.method() + " " + req.path(), ctx.request_id(), us});
  return sls::Response::json(200, out);
}

SLS_HANDLER(handle)

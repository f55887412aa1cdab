// Increments page counters in the key-value HTTP store (aws-lambda-cpp).
#include <aws/lambda-runtime/runtime.h>

#include <string>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

CURL* kv = nullptr;

size_t sink(char* d, size_t s, size_t n, void* out) {
  static_cast<std::string*>(out)->append(d, s * n);
  return s * n;
}

bool kv_incr(const std::string& key, std::string& value) {
  const std::string url = "http://kv.internal/v1/incr/" + key;
  curl_easy_setopt(kv, CURLOPT_URL, url.c_str());
  curl_easy_setopt(kv, CURLOPT_CUSTOMREQUEST, "POST");
  curl_easy_setopt(kv, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(kv, CURLOPT_WRITEDATA, &value);
  return curl_easy_perform(kv) == CURLE_OK;
}

invocation_response count_page(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  const std::string page = event.is_discarded() ? "" : event.value("page", "");
  if (page.empty()) return invocation_response::failure("page missing", "InvalidEvent");
  std::string value;
  if (!kv_incr("views:" + page, value)) return invocation_response::failure("kv store unreachable", "Upstream");
  return invocation_response::success("{\"views\":" + value + "}", "application/json");
}

}  // namespace

int main() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  kv = curl_easy_init();
  curl_easy_setopt(kv, CURLOPT_TIMEOUT_MS, 1500L);
  run_handler(count_page);
  curl_easy_cleanup(kv);
  return 0;
}

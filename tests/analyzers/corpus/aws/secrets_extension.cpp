// Calls the payments API with a key fetched from the secrets extension on
// every invocation (aws-lambda-cpp); the extension caches it and follows
// rotations, so nothing secret is kept by this process.
#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <string>

#include <curl/curl.h>

using namespace aws::lambda_runtime;

namespace {

size_t append(char* d, size_t s, size_t n, void* out) {
  static_cast<std::string*>(out)->append(d, s * n);
  return s * n;
}

std::string get(const std::string& url, const std::string& header) {
  CURL* c = curl_easy_init();
  std::string body;
  struct curl_slist* headers = header.empty() ? nullptr : curl_slist_append(nullptr, header.c_str());
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  curl_easy_perform(c);
  curl_slist_free_all(headers);
  curl_easy_cleanup(c);
  return body;
}

invocation_response charge_status(invocation_request const& req) {
  const char* session = std::getenv("AWS_SESSION_TOKEN");
  const std::string key = get("http://localhost:2773/secretsmanager/get?secretId=payments/api-key",
                              std::string("X-Aws-Parameters-Secrets-Token: ") + (session ? session : ""));
  if (key.empty()) return invocation_response::failure("no API key", "ConfigError");
  const std::string status = get("https://api.payments.example/v1/charges/" + req.payload, "Authorization: Bearer " + key);
  return invocation_response::success(status, "application/json");
}

}  // namespace

int main() {
  run_handler(charge_status);
  return 0;
}

// Hands out pre-signed download links for report files (aws-lambda-cpp).
#include <aws/lambda-runtime/runtime.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <openssl/hmac.h>

using namespace aws::lambda_runtime;

static std::string access_key;
static std::string secret_key;
static std::string session_token;
static std::string bucket = "reports-prod";

static std::string hmac_hex(const std::string& key, const std::string& data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), mac, &len);
  std::string hex;
  char b[3];
  for (unsigned i = 0; i < len; ++i) {
    std::snprintf(b, sizeof b, "%02x", mac[i]);
    hex += b;
  }
  return hex;
}

static invocation_response presign(invocation_request const& req) {
  const std::string key = req.payload.empty() ? "latest.csv" : req.payload;
  const auto expires = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch()).count() + 900;
  const std::string canonical = "GET\n/" + bucket + "/" + key + "\n" + std::to_string(expires);
  const std::string url = "https://" + bucket + ".s3.amazonaws.com/" + key + "?X-Amz-Credential=" + access_key +
                          "&X-Amz-Expires=900&X-Amz-Security-Token=" + session_token +
                          "&X-Amz-Signature=" + hmac_hex(secret_key, canonical);
  return invocation_response::success("{\"url\":\"" + url + "\"}", "application/json");
}

int main() {
  if (const char* v = std::getenv("AWS_ACCESS_KEY_ID")) access_key = v;
  if (const char* v = std::getenv("AWS_SECRET_ACCESS_KEY")) secret_key = v;
  if (const char* v = std::getenv("AWS_SESSION_TOKEN")) session_token = v;
  run_handler(presign);
  return 0;
}

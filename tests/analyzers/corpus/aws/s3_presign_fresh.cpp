// Pre-signed upload links (aws-lambda-cpp). The role credentials are taken
// from the environment on every invocation, which the runtime keeps current.
#include <aws/lambda-runtime/runtime.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <openssl/hmac.h>

using namespace aws::lambda_runtime;

namespace {

constexpr const char* kBucket = "uploads-prod";
constexpr int kExpirySeconds = 600;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string sign(const std::string& secret, const std::string& text) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(text.data()), text.size(), mac, &len);
  std::string hex;
  for (unsigned i = 0; i < len; ++i) {
    char b[3];
    std::snprintf(b, sizeof b, "%02x", mac[i]);
    hex += b;
  }
  return hex;
}

invocation_response presign_upload(invocation_request const& req) {
  const std::string access = env("AWS_ACCESS_KEY_ID");
  const std::string secret = env("AWS_SECRET_ACCESS_KEY");
  const std::string token = env("AWS_SESSION_TOKEN");
  if (access.empty() || secret.empty()) return invocation_response::failure("no credentials", "ConfigError");
  const std::string object = "incoming/" + req.request_id + ".bin";
  const auto expires = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch()).count() + kExpirySeconds;
  const std::string canonical = "PUT\n/" + std::string(kBucket) + "/" + object + "\n" + std::to_string(expires);
  const std::string url = "https://" + std::string(kBucket) + ".s3.amazonaws.com/" + object +
                          "?X-Amz-Credential=" + access + "&X-Amz-Security-Token=" + token +
                          "&X-Amz-Signature=" + sign(secret, canonical);
  return invocation_response::success("{\"url\":\"" + url + "\"}", "application/json");
}

}  // namespace

int main() {
  run_handler(presign_upload);
  return 0;
}

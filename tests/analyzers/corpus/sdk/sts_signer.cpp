// Signs requests to an internal AWS-compatible API with the function's role
// credentials. The credentials are read for every request: the platform
// rotates them in the environment while the instance lives.
#include <sls/function.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include <openssl/hmac.h>
#include <openssl/sha.h>

namespace {

struct Credentials {
  std::string access_key;
  std::string secret_key;
  std::string session_token;
};

Credentials current_credentials() {
  Credentials c;
  if (const char* v = std::getenv("AWS_ACCESS_KEY_ID")) c.access_key = v;
  if (const char* v = std::getenv("AWS_SECRET_ACCESS_KEY")) c.secret_key = v;
  if (const char* v = std::getenv("AWS_SESSION_TOKEN")) c.session_token = v;
  return c;
}

std::string hex(const unsigned char* data, size_t len) {
  std::string out;
  char b[3];
  for (size_t i = 0; i < len; ++i) {
    std::snprintf(b, sizeof b, "%02x", data[i]);
    out += b;
  }
  return out;
}

std::string signature(const Credentials& c, const std::string& payload, const std::string& date) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), digest);
  const std::string to_sign = date + "\n" + hex(digest, sizeof digest);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), c.secret_key.data(), static_cast<int>(c.secret_key.size()),
       reinterpret_cast<const unsigned char*>(to_sign.data()), to_sign.size(), mac, &len);
  return hex(mac, len);
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const Credentials creds = current_credentials();
  if (creds.access_key.empty()) return sls::Response::text(500, "no role credentials");
  char date[17];
  std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y%m%dT%H%M%SZ", std::gmtime(&now));
  sls::Response res = sls::Response::json(200, "{\"signed\":true}");
  res.set_header("x-amz-date", date);
  res.set_header("x-amz-security-token", creds.session_token);
  res.set_header("authorization", "HMAC-SHA256 Credential=" + creds.access_key + ", Signature=" + signature(creds, req.body(), date));
  return res;
}

SLS_HANDLER(handle)

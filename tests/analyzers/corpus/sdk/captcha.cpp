// Simple arithmetic captcha for the signup form: returns a question and an
// HMAC of the answer that the signup endpoint verifies.
#include <sls/function.hpp>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include <openssl/hmac.h>

namespace {

std::string sign_answer(int answer) {
  const char* key = std::getenv("CAPTCHA_HMAC_KEY");
  if (!key) return {};
  const std::string text = std::to_string(answer);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key, static_cast<int>(std::char_traits<char>::length(key)),
       reinterpret_cast<const unsigned char*>(text.data()), text.size(), mac, &len);
  std::string hex;
  char b[3];
  for (unsigned i = 0; i < len; ++i) {
    std::snprintf(b, sizeof b, "%02x", mac[i]);
    hex += b;
  }
  return hex;
}

}  // namespace

sls::Response handle(const sls::Request&, sls::Context&) {
  static std::mt19937 rng(std::random_device{}());
  std::uniform_int_distribution<int> operand(1, 20);
  const int a = operand(rng), b = operand(rng);
  const std::string proof = sign_answer(a + b);
  if (proof.empty()) return sls::Response::text(500, "captcha key missing");
  return sls::Response::json(200, "{\"question\":\"" + std::to_string(a) + " + " + std::to_string(b) + "\",\"proof\":\"" + proof + "\"}");
}

SLS_HANDLER(handle)

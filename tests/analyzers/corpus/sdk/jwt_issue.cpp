// Issues short-lived service tokens. The signing key comes from the
// environment of the invocation, so a rotated key is picked up at once.
#include <sls/function.hpp>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>

#include <jwt.h>

namespace {

constexpr long kLifetimeSeconds = 300;
constexpr const char* kAllowedAudiences[] = {"billing", "search", "reports"};

bool allowed(const std::string& audience) {
  for (const char* a : kAllowedAudiences)
    if (audience == a) return true;
  return false;
}

std::string sign(const std::string& subject, const std::string& audience, const char* key) {
  jwt_t* jwt = nullptr;
  if (jwt_new(&jwt) != 0) return {};
  const long now = static_cast<long>(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  jwt_add_grant(jwt, "sub", subject.c_str());
  jwt_add_grant(jwt, "aud", audience.c_str());
  jwt_add_grant_int(jwt, "iat", now);
  jwt_add_grant_int(jwt, "exp", now + kLifetimeSeconds);
  jwt_set_alg(jwt, JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(key), static_cast<int>(std::strlen(key)));
  char* encoded = jwt_encode_str(jwt);
  std::string token = encoded ? encoded : "";
  jwt_free_str(encoded);
  jwt_free(jwt);
  return token;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string subject = req.header("x-service");
  const std::string audience = req.query("aud");
  if (subject.empty() || !allowed(audience)) return sls::Response::text(403, "not allowed");

  const char* key = std::getenv("TOKEN_SIGNING_SECRET");
  if (key == nullptr || *key == '\0') return sls::Response::text(500, "signing key not configured");
  const std::string token = sign(subject, audience, key);
  if (token.empty()) return sls::Response::text(500, "could not sign");
  return sls::Response::json(200, "{\"token\":\"" + token + "\",\"expires_in\":" + std::to_string(kLifetimeSeconds) + "}");
}

SLS_HANDLER(handle)

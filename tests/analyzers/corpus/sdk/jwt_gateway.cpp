// API gateway authoriser: validates the bearer token (HS256) and returns the
// subject and scopes. Verified tokens are remembered to skip the HMAC next time.
#include <sls/function.hpp>

#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>

#include <jwt.h>

namespace {

struct Claims {
  std::string subject;
  std::string scope;
  long expires = 0;
};

const std::string kSigningKey = std::getenv("JWT_SIGNING_SECRET") ? std::getenv("JWT_SIGNING_SECRET") : "";
std::unordered_map<std::string, Claims> verified;

std::string bearer(const std::string& header) {
  const std::string prefix = "Bearer ";
  return header.compare(0, prefix.size(), prefix) == 0 ? header.substr(prefix.size()) : std::string();
}

bool decode(const std::string& token, Claims& out) {
  jwt_t* jwt = nullptr;
  if (jwt_decode(&jwt, token.c_str(), reinterpret_cast<const unsigned char*>(kSigningKey.data()),
                 static_cast<int>(kSigningKey.size())) != 0)
    return false;
  const bool hs256 = jwt_get_alg(jwt) == JWT_ALG_HS256;
  if (const char* sub = jwt_get_grant(jwt, "sub")) out.subject = sub;
  if (const char* scope = jwt_get_grant(jwt, "scope")) out.scope = scope;
  out.expires = jwt_get_grant_int(jwt, "exp");
  jwt_free(jwt);
  return hs256 && !out.subject.empty();
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string token = bearer(req.header("authorization"));
  if (token.empty()) return sls::Response::text(401, "missing bearer token");

  auto hit = verified.find(token);
  if (hit == verified.end()) {
    Claims claims;
    if (!decode(token, claims)) return sls::Response::text(401, "invalid token");
    hit = verified.emplace(token, claims).first;
  }
  return sls::Response::json(200, "{\"sub\":\"" + hit->second.subject + "\",\"scope\":\"" + hit->second.scope + "\"}");
}

SLS_HANDLER(handle)

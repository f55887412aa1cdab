// One piece of shared state, safe under any number of instances.
//
//   GET /api/state                          -> 200, ETag: "N", the value
//   PUT /api/state  If-Match: "N"  + body   -> 200, ETag: "N+1" when N is the latest version
//                                           -> 412 with the latest value and ETag when it is not
//                                           -> 428 without If-Match; 503 + Retry-After when Redis is busy or down
//
// Only a request that carries the latest version may advance it; everyone else reads. The state
// is in Redis because instance memory is neither shared nor durable (see lib/redis_store.hpp).
#include <sls/function.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "redis_store.hpp"

namespace {

constexpr const char* k_state_key = "{{project}}:state";

std::string etag_of(std::uint64_t version) { return "\"" + std::to_string(version) + "\""; }

// Accepts "N" and W/"N"; anything else is no usable precondition.
std::optional<std::uint64_t> version_in(std::string if_match) {
  if (if_match.rfind("W/", 0) == 0) if_match.erase(0, 2);
  if (if_match.size() < 3 || if_match.front() != '"' || if_match.back() != '"') return std::nullopt;
  std::string digits = if_match.substr(1, if_match.size() - 2);
  if (digits.empty() || digits.size() > 19 || digits.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoull(digits);
}

sls::Response with_state(int status, const store::Versioned& state) {
  sls::Response response = sls::Response::text(status, state.value);
  response.set_header("ETag", etag_of(state.version));
  return response;
}

sls::Response try_again(const std::string& why) {
  sls::Response response = sls::Response::text(503, why + "; try again\n");
  response.set_header("Retry-After", "1");
  return response;
}

sls::Response write(redisContext* redis, const sls::Request& req) {
  std::optional<std::uint64_t> expected = version_in(req.header("if-match"));
  if (!expected) return sls::Response::text(428, "send If-Match with the ETag of the version you read\n");
  store::WriteResult result = store::write_if_version(redis, k_state_key, *expected, req.body());
  switch (result.status) {
    case store::WriteStatus::Written: return with_state(200, result.current);
    case store::WriteStatus::Stale: return with_state(412, result.current);
    case store::WriteStatus::Busy: return try_again("another write holds the lock");
    case store::WriteStatus::Unavailable: break;
  }
  return try_again("the state store did not answer");
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  redisContext* redis = store::validated_connection();
  if (!redis) return try_again("the state store is unreachable");
  if (req.method() == "PUT") return write(redis, req);
  if (req.method() != "GET") {
    sls::Response response = sls::Response::text(405, "use GET to read or PUT with If-Match to write\n");
    response.set_header("Allow", "GET, PUT");
    return response;
  }
  std::optional<store::Versioned> state = store::read(redis, k_state_key);
  return state ? with_state(200, *state) : try_again("the state store did not answer");
}
SLS_HANDLER(handle)

// Fixed-window rate limiter in front of the public API: 100 calls per key per
// minute, counted in Redis so every instance sees the same numbers.
#include <sls/function.hpp>

#include <chrono>
#include <cstdio>
#include <string>

#include <hiredis/hiredis.h>

namespace {

constexpr int kLimitPerMinute = 100;
redisContext* redis = nullptr;

redisContext* client() {
  if (!redis) redis = redisConnect("cache.internal", 6379);
  return redis;
}

long long bump(const std::string& key, long window) {
  char bucket[160];
  std::snprintf(bucket, sizeof bucket, "rl:%s:%ld", key.c_str(), window);
  auto* reply = static_cast<redisReply*>(redisCommand(client(), "INCR %s", bucket));
  long long count = reply && reply->type == REDIS_REPLY_INTEGER ? reply->integer : 0;
  if (reply) freeReplyObject(reply);
  if (count == 1) {
    auto* expire = static_cast<redisReply*>(redisCommand(client(), "EXPIRE %s 60", bucket));
    if (expire) freeReplyObject(expire);
  }
  return count;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string api_key = req.header("x-api-key");
  if (api_key.empty()) return sls::Response::text(401, "api key required");

  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const long window = static_cast<long>(std::chrono::duration_cast<std::chrono::minutes>(now).count());
  const long long used = bump(api_key, window);

  sls::Response res = sls::Response::json(used > kLimitPerMinute ? 429 : 200,
                                          "{\"used\":" + std::to_string(used) + "}");
  res.set_header("x-ratelimit-limit", std::to_string(kLimitPerMinute));
  res.set_header("x-ratelimit-remaining", std::to_string(used > kLimitPerMinute ? 0 : kLimitPerMinute - used));
  return res;
}

SLS_HANDLER(handle)

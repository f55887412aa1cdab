#include "redis_store.hpp"

#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

namespace store {
namespace {

using namespace std::chrono_literals;

constexpr int k_lock_ms = 2000;            // longer than a write takes, short enough to outlive a crash
constexpr int k_lock_attempts = 40;        // with the pause below: at most about one second of waiting
constexpr auto k_lock_pause = 25ms;
constexpr timeval k_timeout = {1, 0};      // no command may hang past the invocation's deadline
// Deletes the lock only if it still holds our token: never someone else's lock after ours expired.
constexpr const char* k_release_script =
    "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

// Reused across warm invocations, validated at the start of each (validated_connection).
redisContext* g_connection = nullptr;  // NOLINT(sls-global-mutable-state): a cache, checked every time

struct ReplyDeleter {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

// nullptr when the connection failed (redis->err says why).
Reply command(redisContext* redis, const char* format, ...) {
  va_list args;
  va_start(args, format);
  void* reply = redisvCommand(redis, format, args);
  va_end(args);
  return Reply(static_cast<redisReply*>(reply));
}

bool answers_ping(redisContext* redis) {
  Reply reply = command(redis, "PING");
  return reply && reply->type == REDIS_REPLY_STATUS && redis->err == 0;
}

std::string env_or(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

// Made per write, never at start-up: a snapshot restore would copy an init-time token into every clone.
std::string new_token() {
  unsigned char bytes[16] = {};
  if (FILE* random = std::fopen("/dev/urandom", "rb")) {
    std::fread(bytes, 1, sizeof bytes, random);
    std::fclose(random);
  }
  std::string token;
  char hex[3];
  for (unsigned char byte : bytes) {
    std::snprintf(hex, sizeof hex, "%02x", byte);
    token += hex;
  }
  return token;
}

enum class LockStatus { Held, Busy, Unavailable };

LockStatus acquire_lock(redisContext* redis, const std::string& lock_key, const std::string& token) {
  for (int attempt = 0; attempt < k_lock_attempts; ++attempt) {
    Reply reply = command(redis, "SET %b %b NX PX %d", lock_key.data(), lock_key.size(), token.data(), token.size(),
                          k_lock_ms);
    if (!reply) return LockStatus::Unavailable;
    if (reply->type == REDIS_REPLY_STATUS) return LockStatus::Held;  // "+OK"; nil means someone else holds it
    std::this_thread::sleep_for(k_lock_pause);
  }
  return LockStatus::Busy;
}

void release_lock(redisContext* redis, const std::string& lock_key, const std::string& token) {
  command(redis, "EVAL %s 1 %b %b", k_release_script, lock_key.data(), lock_key.size(), token.data(), token.size());
}

// Inside the lock: WATCH fences out a writer whose lock expired while it was frozen.
WriteResult compare_and_set(redisContext* redis, const std::string& key, std::uint64_t expected, const std::string& value) {
  Reply watch = command(redis, "WATCH %b", key.data(), key.size());
  std::optional<Versioned> current = watch ? read(redis, key) : std::nullopt;
  if (!current) return {WriteStatus::Unavailable, {}};
  if (current->version != expected) {
    command(redis, "UNWATCH");
    return {WriteStatus::Stale, *current};
  }
  Versioned next{expected + 1, value};
  command(redis, "MULTI");
  command(redis, "HSET %b version %llu value %b", key.data(), key.size(), static_cast<unsigned long long>(next.version),
          value.data(), value.size());
  Reply exec = command(redis, "EXEC");
  if (!exec) return {WriteStatus::Unavailable, {}};
  if (exec->type != REDIS_REPLY_ARRAY) return {WriteStatus::Stale, read(redis, key).value_or(Versioned{})};
  return {WriteStatus::Written, next};
}

}  // namespace

redisContext* validated_connection() {
  if (g_connection && answers_ping(g_connection)) return g_connection;
  if (g_connection) redisFree(g_connection);
  g_connection = redisConnectWithTimeout(env_or("REDIS_HOST", "127.0.0.1").c_str(),
                                         std::atoi(env_or("REDIS_PORT", "6379").c_str()), k_timeout);
  if (g_connection && g_connection->err == 0 && redisSetTimeout(g_connection, k_timeout) == REDIS_OK)
    return g_connection;
  if (g_connection) redisFree(g_connection);
  g_connection = nullptr;
  return nullptr;
}

std::optional<Versioned> read(redisContext* redis, const std::string& key) {
  Reply reply = command(redis, "HMGET %b version value", key.data(), key.size());
  if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2) return std::nullopt;
  Versioned state;
  if (reply->element[0]->type == REDIS_REPLY_STRING) state.version = std::strtoull(reply->element[0]->str, nullptr, 10);
  if (reply->element[1]->type == REDIS_REPLY_STRING) state.value.assign(reply->element[1]->str, reply->element[1]->len);
  return state;
}

WriteResult write_if_version(redisContext* redis, const std::string& key, std::uint64_t expected,
                             const std::string& value) {
  std::string lock_key = key + ":lock", token = new_token();
  LockStatus lock = acquire_lock(redis, lock_key, token);
  if (lock == LockStatus::Busy) return {WriteStatus::Busy, {}};
  if (lock == LockStatus::Unavailable) return {WriteStatus::Unavailable, {}};
  WriteResult result = compare_and_set(redis, key, expected, value);
  release_lock(redis, lock_key, token);
  return result;
}

}  // namespace store

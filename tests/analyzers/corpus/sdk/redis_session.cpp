// Session lookup: the session cookie maps to a user id stored in Redis.
// The context survives between requests; it is checked before every command.
#include <sls/function.hpp>

#include <string>
#include <sys/time.h>

#include <hiredis/hiredis.h>

namespace {

const struct timeval kConnectTimeout = {1, 500000};
redisContext* sessions_db = nullptr;

redisContext* live_sessions_db() {
  if (sessions_db != nullptr && sessions_db->err == 0) return sessions_db;
  if (sessions_db != nullptr && redisReconnect(sessions_db) == REDIS_OK) return sessions_db;
  if (sessions_db != nullptr) redisFree(sessions_db);
  sessions_db = redisConnectWithTimeout("sessions.internal", 6379, kConnectTimeout);
  return sessions_db;
}

std::string cookie_value(const std::string& cookies, const std::string& name) {
  const std::string key = name + "=";
  auto at = cookies.find(key);
  if (at == std::string::npos) return {};
  auto end = cookies.find(';', at);
  return cookies.substr(at + key.size(), end == std::string::npos ? std::string::npos : end - at - key.size());
}

std::string user_for(const std::string& sid) {
  redisContext* db = live_sessions_db();
  if (db == nullptr || db->err) return {};
  auto* reply = static_cast<redisReply*>(redisCommand(db, "GET session:%s", sid.c_str()));
  std::string user;
  if (reply && reply->type == REDIS_REPLY_STRING) user.assign(reply->str, reply->len);
  if (reply) freeReplyObject(reply);
  return user;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string sid = cookie_value(req.header("cookie"), "sid");
  if (sid.empty()) return sls::Response::text(401, "no session");
  const std::string user = user_for(sid);
  if (user.empty()) return sls::Response::text(401, "session expired");
  return sls::Response::json(200, "{\"user\":\"" + user + "\"}");
}

SLS_HANDLER(handle)

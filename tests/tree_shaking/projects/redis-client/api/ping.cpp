// GET /api/ping -> "reply: PONG", parsed by libhiredis's reply reader (no server needed).
#include <sls/function.hpp>

#include <hiredis/hiredis.h>

sls::Response ping(const sls::Request&, sls::Context&) {
  redisReader* reader = redisReaderCreate();
  redisReaderFeed(reader, "+PONG\r\n", 7);
  void* reply = nullptr;
  std::string text = "none";
  if (redisReaderGetReply(reader, &reply) == REDIS_OK && reply != nullptr) text = static_cast<redisReply*>(reply)->str;
  if (reply != nullptr) freeReplyObject(reply);
  redisReaderFree(reader);
  return sls::Response::text(200, "reply: " + text);
}
SLS_HANDLER(ping)

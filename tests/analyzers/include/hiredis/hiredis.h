// A tiny stand-in for <hiredis/hiredis.h>.
#pragma once
extern "C" {
typedef struct redisContext {
  int err;
} redisContext;
redisContext* redisConnect(const char* ip, int port);
void* redisCommand(redisContext* c, const char* format, ...);
int redisReconnect(redisContext* c);
}

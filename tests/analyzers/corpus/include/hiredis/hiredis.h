/* A tiny stand-in for <hiredis/hiredis.h>. */
#ifndef CORPUS_HIREDIS_HIREDIS_H
#define CORPUS_HIREDIS_HIREDIS_H

#include <stddef.h>
#include <sys/time.h>

#ifdef __cplusplus
extern "C" {
#endif

#define REDIS_OK 0
#define REDIS_ERR -1
#define REDIS_REPLY_STRING 1
#define REDIS_REPLY_ARRAY 2
#define REDIS_REPLY_INTEGER 3
#define REDIS_REPLY_NIL 4
#define REDIS_REPLY_STATUS 5
#define REDIS_REPLY_ERROR 6

typedef struct redisContext {
  int err;
  char errstr[128];
  int fd;
} redisContext;

typedef struct redisReply {
  int type;
  long long integer;
  size_t len;
  char *str;
  size_t elements;
  struct redisReply **element;
} redisReply;

redisContext *redisConnect(const char *ip, int port);
redisContext *redisConnectWithTimeout(const char *ip, int port, const struct timeval tv);
int redisReconnect(redisContext *c);
void *redisCommand(redisContext *c, const char *format, ...);
void freeReplyObject(void *reply);
void redisFree(redisContext *c);

#ifdef __cplusplus
}
#endif

#endif

/* Queue depth endpoint for the autoscaler. On the first request a reporter
 * thread starts publishing the depth every 30 seconds. */
#define _GNU_SOURCE
#include <sls/function.h>

#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include <hiredis/hiredis.h>

static int reporter_started;

static long long depth(redisContext *c) {
  redisReply *r = redisCommand(c, "LLEN jobs");
  long long n = (r && r->type == REDIS_REPLY_INTEGER) ? r->integer : -1;
  if (r) freeReplyObject(r);
  return n;
}

static void *report_loop(void *arg) {
  (void)arg;
  struct timespec pause = {30, 0};
  for (;;) {
    redisContext *c = redisConnect("jobs.internal", 6379);
    if (c && !c->err) fprintf(stderr, "queue depth %lld\n", depth(c));
    if (c) redisFree(c);
    nanosleep(&pause, NULL);
  }
  return NULL;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)req;
  (void)ctx;
  if (!reporter_started) {
    reporter_started = 1;
    pthread_t reporter;
    pthread_create(&reporter, NULL, report_loop, NULL);
  }
  redisContext *c = redisConnect("jobs.internal", 6379);
  if (!c || c->err) {
    if (c) redisFree(c);
    sls_response_text(res, 503, "queue unavailable");
    return;
  }
  long long n = depth(c);
  redisFree(c);
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"depth\":%lld}", n);
}

SLS_HANDLER(handle)

/* Enqueues email jobs on the Redis list consumed by the mailer workers. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hiredis/hiredis.h>

static redisContext *queue;

__attribute__((constructor)) static void connect_queue(void) {
  queue = redisConnect("mailer-queue.internal", 6379);
  const char *password = getenv("REDIS_AUTH_TOKEN");
  if (queue && password) {
    redisReply *r = redisCommand(queue, "AUTH %s", password);
    if (r) freeReplyObject(r);
  }
}

static long long enqueue(const char *to, const char *template_name) {
  redisReply *r = redisCommand(queue, "LPUSH mail:jobs %s|%s", to, template_name);
  long long depth = (r && r->type == REDIS_REPLY_INTEGER) ? r->integer : -1;
  if (r) freeReplyObject(r);
  return depth;
}

static void trim_queue(void) {
  redisReply *r = redisCommand(queue, "LTRIM mail:jobs 0 99999");
  if (r) freeReplyObject(r);
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *to = sls_request_query(req, "to");
  const char *tmpl = sls_request_query(req, "template");
  if (!strchr(to, '@') || tmpl[0] == '\0') {
    sls_response_text(res, 400, "to and template required");
    return;
  }
  long long depth = enqueue(to, tmpl);
  if (depth < 0) {
    sls_response_text(res, 503, "queue unavailable");
    return;
  }
  if (depth > 100000) trim_queue();
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"queued\":true,\"depth\":%lld}", depth);
}

SLS_HANDLER(handle)

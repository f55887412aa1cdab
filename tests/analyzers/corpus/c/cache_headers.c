/* Static asset proxy: adds Last-Modified and Age headers and purges the CDN
 * path at most once a minute. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

static time_t started_at;
static struct timespec last_purge;
static struct timeval last_request;

__attribute__((constructor)) static void remember_start(void) {
  started_at = time(NULL);
}

static int purge_due(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (now.tv_sec - last_purge.tv_sec < 60) return 0;
  clock_gettime(CLOCK_MONOTONIC, &last_purge);
  return 1;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  char modified[64];
  struct tm tm_start;
  gmtime_r(&started_at, &tm_start);
  strftime(modified, sizeof modified, "%a, %d %b %Y %H:%M:%S GMT", &tm_start);
  gettimeofday(&last_request, NULL);
  char age[32];
  snprintf(age, sizeof age, "%ld", (long)(last_request.tv_sec - started_at));
  sls_response_header(res, "last-modified", modified);
  sls_response_header(res, "age", age);
  if (purge_due()) sls_response_header(res, "x-cdn-purge", sls_request_path(req));
  sls_response_text(res, 200, "ok");
}

SLS_HANDLER(handle)

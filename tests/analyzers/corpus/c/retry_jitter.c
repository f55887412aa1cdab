/* Outbound webhook retry planner: returns the retry schedule with jitter so
 * that retries from many callers do not line up. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define MAX_RETRIES 6

static unsigned int jitter_seed;

__attribute__((constructor)) static void seed_jitter(void) {
  jitter_seed = (unsigned)time(NULL) ^ (unsigned)getpid();
  srand48((long)jitter_seed);
}

static double jitter(void) {
  return (double)(rand_r(&jitter_seed) % 1000) / 1000.0;
}

static double spread(void) {
  return drand48();
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  int base = atoi(sls_request_query(req, "base_ms"));
  if (base <= 0) base = 500;
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"schedule\":[");
  for (int i = 0; i < MAX_RETRIES; ++i) {
    long delay = (long)(base * (1 << i) * (0.5 + jitter()) * (0.9 + 0.2 * spread()));
    sls_response_printf(res, "%s%ld", i ? "," : "", delay);
  }
  sls_response_printf(res, "]}");
}

SLS_HANDLER(handle)

/* Metered billing: counts billable calls per tier and reports them to the
 * billing agent when the process exits or is asked to terminate. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { TIER_BASIC, TIER_PRO, TIER_COUNT };

static unsigned long billable[TIER_COUNT];

static void report(void) {
  fprintf(stdout, "billing basic=%lu pro=%lu\n", billable[TIER_BASIC], billable[TIER_PRO]);
  fflush(stdout);
}

static void on_term(int sig) {
  (void)sig;
  report();
  _exit(0);
}

__attribute__((constructor)) static void arm_reporting(void) {
  atexit(report);
  signal(SIGTERM, on_term);
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *tier = sls_request_header(req, "x-tier");
  int t = strcmp(tier, "pro") == 0 ? TIER_PRO : TIER_BASIC;
  billable[t]++;
  sls_response_json(res, 200, t == TIER_PRO ? "{\"tier\":\"pro\"}" : "{\"tier\":\"basic\"}");
}

SLS_HANDLER(handle)

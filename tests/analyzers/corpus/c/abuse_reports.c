/* Abuse reports for the comment system: each report is remembered so that the
 * moderation summary can list every reported comment. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct report {
  long comment_id;
  char reason[32];
};

static struct report *reports;
static size_t report_count;
static size_t report_cap;

static int remember(long comment_id, const char *reason) {
  if (report_count == report_cap) {
    size_t cap = report_cap ? report_cap * 2 : 64;
    struct report *grown = realloc(reports, cap * sizeof *grown);
    if (!grown) return -1;
    reports = grown;
    report_cap = cap;
  }
  reports[report_count].comment_id = comment_id;
  snprintf(reports[report_count].reason, sizeof reports[report_count].reason, "%s", reason);
  report_count++;
  return 0;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  long comment = strtol(sls_request_query(req, "comment"), NULL, 10);
  const char *reason = sls_request_query(req, "reason");
  if (comment <= 0) {
    sls_response_text(res, 400, "comment id required");
    return;
  }
  if (remember(comment, reason[0] ? reason : "unspecified") != 0) {
    sls_response_text(res, 503, "out of memory");
    return;
  }
  sls_response_printf(res, "{\"reports\":%zu}", report_count);
  sls_response_header(res, "content-type", "application/json");
}

SLS_HANDLER(handle)

/* Explains HTTP status codes for the developer portal, from a constant table. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <stdlib.h>
#include <string.h>

typedef struct {
  int code;
  const char *reason;
  const char *hint;
} status_info;

static const status_info statuses[] = {
    {200, "OK", "The request succeeded."},
    {201, "Created", "A new resource was created."},
    {304, "Not Modified", "Use your cached copy."},
    {400, "Bad Request", "Check the parameters you sent."},
    {401, "Unauthorized", "Send valid credentials."},
    {404, "Not Found", "The resource does not exist."},
    {429, "Too Many Requests", "Slow down and retry later."},
    {503, "Service Unavailable", "Retry with backoff."},
};

static const status_info *find_status(int code) {
  for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; ++i) {
    if (statuses[i].code == code) return &statuses[i];
  }
  return NULL;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *raw = sls_request_param(req, "code");
  char *end = NULL;
  long code = strtol(raw, &end, 10);
  if (end == raw || *end != '\0') {
    sls_response_text(res, 400, "code must be a number");
    return;
  }
  const status_info *info = find_status((int)code);
  if (!info) {
    sls_response_text(res, 404, "unknown status code");
    return;
  }
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"code\":%d,\"reason\":\"%s\",\"hint\":\"%s\"}", info->code, info->reason, info->hint);
}

SLS_HANDLER(handle)

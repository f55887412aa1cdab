/* POST /api/echo -> the request body back, with what the function saw.
 *   sls invoke api/echo -X POST -d '{"a":1}' -H 'Content-Type: application/json'
 * Any other method gets 405 and an Allow header. */
#include <sls/function.h>

#include <stdio.h>
#include <string.h>

static void echo(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  if (strcmp(sls_request_method(req), "POST") != 0) {
    sls_response_text(res, 405, "use POST\n");
    sls_response_header(res, "allow", "POST");
    return;
  }
  size_t length = 0;
  const char *body = sls_request_body(req, &length);
  const char *type = sls_request_header(req, "content-type");
  char length_text[32];
  snprintf(length_text, sizeof length_text, "%zu", length);
  sls_response_status(res, 200);
  sls_response_body(res, body, length);
  sls_response_header(res, "content-type", type[0] != '\0' ? type : "application/octet-stream");
  sls_response_header(res, "x-echo-length", length_text);
}
SLS_HANDLER(echo)

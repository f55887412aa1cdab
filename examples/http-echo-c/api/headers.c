/* GET /api/headers -> the request's user-agent and x-* headers, one per line,
 * sorted by name so the answer does not depend on how the host ordered them. */
#include <sls/function.h>

#include <stdlib.h>
#include <string.h>

struct shown_header {
  const char *name;
  const char *value;
};

static int by_name_then_value(const void *a, const void *b) {
  const struct shown_header *x = a, *y = b;
  int names = strcmp(x->name, y->name);
  return names != 0 ? names : strcmp(x->value, y->value);
}

static void list_headers(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  size_t count = sls_request_header_count(req), shown = 0;
  struct shown_header *headers = calloc(count > 0 ? count : 1, sizeof *headers);
  if (headers == NULL) {
    sls_response_text(res, 500, "out of memory\n");
    return;
  }
  for (size_t i = 0; i < count; ++i) {
    const char *name = sls_request_header_name(req, i);
    if (strcmp(name, "user-agent") == 0 || strncmp(name, "x-", 2) == 0)
      headers[shown++] = (struct shown_header){name, sls_request_header_value(req, i)};
  }
  qsort(headers, shown, sizeof *headers, by_name_then_value);
  sls_response_text(res, 200, shown == 0 ? "no user-agent or x-* headers\n" : "");
  for (size_t i = 0; i < shown; ++i) sls_response_printf(res, "%s: %s\n", headers[i].name, headers[i].value);
  free(headers);
}
SLS_HANDLER(list_headers)

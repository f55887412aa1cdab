/* Given C arrays in static storage grown with realloc by handler code, we
 * should report the store into one that is never freed, and not one that is
 * freed and reset. */
#include <sls/function.h>

#include <stdlib.h>

static long *g_ids; /* expect: warning sls-global-mutable-state */
static size_t g_count, g_cap; /* expect: warning sls-global-mutable-state; warning sls-global-mutable-state */
static long *g_batch; /* expect: warning sls-global-mutable-state */
static size_t g_batch_len; /* expect: warning sls-global-mutable-state */

static void remember(long id) {
  if (g_count == g_cap) {
    g_cap = g_cap ? g_cap * 2 : 16;
    g_ids = realloc(g_ids, g_cap * sizeof *g_ids);
  }
  g_ids[g_count++] = id; /* expect: warning sls-unbounded-global-growth */
}

static void batch(long id) {
  long *grown = realloc(g_batch, (g_batch_len + 1) * sizeof *grown);
  if (!grown) return;
  g_batch = grown;
  g_batch[g_batch_len++] = id;
  if (g_batch_len == 100) {
    free(g_batch);
    g_batch = NULL;
    g_batch_len = 0;
  }
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  long id = strtol(sls_request_query(req, "id"), NULL, 10);
  remember(id);
  batch(id);
  sls_response_text(res, 200, "ok");
}

SLS_HANDLER(handle)

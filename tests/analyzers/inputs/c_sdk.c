/* Given a function on the C SDK, we should analyse SLS_HANDLER's handler and
 * see file-scope variables without an initialiser (tentative definitions). */
#include <string.h>

#include <sls/function.h>

static unsigned long g_hits[4]; /* expect: warning sls-global-mutable-state */
static int g_flag = 0;          /* expect: warning sls-global-mutable-state */
static const int k_limit = 3;
static char g_last_page[64]; /* expect: warning sls-global-mutable-state */

static void count(int slot) { g_hits[slot % k_limit]++; }

static void handle(const sls_request* req, sls_context* ctx, sls_response* res) {
  (void)ctx;
  (void)req;
  count(1);
  strcpy(g_last_page, sls_request_query(req, "page")); /* expect: error sls-request-state-in-global */
  g_flag = 1;
  sls_response_text(res, 200, "ok");
}

SLS_HANDLER(handle)

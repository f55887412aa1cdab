/* Given a function on the C SDK, we should analyse SLS_HANDLER's handler and
 * see file-scope variables without an initialiser (tentative definitions). */
#include <sls/function.h>

static unsigned long g_hits[4]; /* expect: warning sls-global-mutable-state */
static int g_flag = 0;          /* expect: warning sls-global-mutable-state */
static const int k_limit = 3;

static void count(int slot) { g_hits[slot % k_limit]++; }

static void handle(const sls_request* req, sls_context* ctx, sls_response* res) {
  (void)ctx;
  (void)req;
  count(1);
  g_flag = 1;
  sls_response_text(res, 200, "ok");
}

SLS_HANDLER(handle)

/* Human-friendly order references for the call centre, like K7-004211. */
#define _POSIX_C_SOURCE 200809L
#include <sls/function.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pid_t worker_pid;
static unsigned int order_seq;

__attribute__((constructor)) static void init_worker(void) {
  worker_pid = getpid();
}

static void idempotency_key(char *out, size_t cap, const char *cart) {
  char host[64] = "";
  gethostname(host, sizeof host);
  snprintf(out, cap, "%s:%s", host, cart);
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *cart = sls_request_query(req, "cart");
  if (cart[0] == '\0') {
    sls_response_text(res, 400, "cart required");
    return;
  }
  char ref[32], key[160];
  snprintf(ref, sizeof ref, "K%d-%06u", (int)(worker_pid % 100), ++order_seq);
  idempotency_key(key, sizeof key, cart);
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"ref\":\"%s\",\"key\":\"%s\"}", ref, key);
}

SLS_HANDLER(handle)

/* Mints API keys for new integrations: 32 bytes from the kernel, base64-ish
 * encoded. Nothing is kept between requests. */
#define _GNU_SOURCE
#include <sls/function.h>

#include <stdint.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

static const char key_alphabet[64] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
static const char *const allowed_scopes[] = {"read", "write", "admin"};

static int scope_allowed(const char *scope) {
  for (size_t i = 0; i < sizeof allowed_scopes / sizeof allowed_scopes[0]; ++i) {
    if (strcmp(scope, allowed_scopes[i]) == 0) return 1;
  }
  return 0;
}

static int mint(char *out, size_t cap) {
  unsigned char raw[32];
  if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw) return -1;
  if (cap < sizeof raw + 1) return -1;
  for (size_t i = 0; i < sizeof raw; ++i) out[i] = key_alphabet[raw[i] & 63];
  out[sizeof raw] = '\0';
  return 0;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  const char *scope = sls_request_query(req, "scope");
  if (!scope_allowed(scope)) {
    sls_response_text(res, 400, "unknown scope");
    return;
  }
  char key[40];
  if (mint(key, sizeof key) != 0) {
    sls_response_text(res, 500, "entropy unavailable");
    return;
  }
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"key\":\"sk_%s\",\"scope\":\"%s\",\"request\":\"%s\"}", key, scope,
                      sls_context_request_id(ctx));
}

SLS_HANDLER(handle)

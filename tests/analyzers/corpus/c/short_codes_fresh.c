/* Short codes for shared links. The random bytes are drawn per request from
 * the kernel, so cloned instances never hand out the same code. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <string.h>
#include <sys/random.h>

static const char code_alphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";

static int make_code(char *out, size_t len) {
  unsigned char raw[16];
  if (len > sizeof raw + 1) return -1;
  if (getrandom(raw, len - 1, 0) != (ssize_t)(len - 1)) return -1;
  for (size_t i = 0; i + 1 < len; ++i) out[i] = code_alphabet[raw[i] % (sizeof code_alphabet - 1)];
  out[len - 1] = '\0';
  return 0;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *target = sls_request_query(req, "url");
  if (strncmp(target, "https://", 8) != 0) {
    sls_response_text(res, 400, "url must start with https://");
    return;
  }
  char code[9];
  if (make_code(code, sizeof code) != 0) {
    sls_response_text(res, 503, "no entropy");
    return;
  }
  char body[96];
  snprintf(body, sizeof body, "{\"code\":\"%s\"}", code);
  sls_response_json(res, 201, body);
}

SLS_HANDLER(handle)

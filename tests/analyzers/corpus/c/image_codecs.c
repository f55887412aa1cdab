/* Image format sniffing and decoding through optional codec libraries that
 * are opened the first time a format shows up. */
#define _GNU_SOURCE
#include <sls/function.h>

#include <dlfcn.h>
#include <string.h>

typedef int (*probe_fn)(const unsigned char *data, size_t len, int *w, int *h);

static probe_fn webp_probe;
static probe_fn avif_probe;

static probe_fn probe_for(const unsigned char *data, size_t len) {
  if (len >= 12 && memcmp(data, "RIFF", 4) == 0 && memcmp(data + 8, "WEBP", 4) == 0) {
    if (!webp_probe) {
      void *lib = dlopen("libwebp.so.7", RTLD_NOW);
      if (lib) webp_probe = (probe_fn)dlsym(lib, "WebPGetInfo");
    }
    return webp_probe;
  }
  if (len >= 12 && memcmp(data + 4, "ftypavif", 8) == 0) {
    if (!avif_probe) {
      void *lib = dlopen("libavif.so.15", RTLD_NOW);
      if (lib) avif_probe = (probe_fn)dlsym(lib, "avifPeekCompatibleFileType");
    }
    return avif_probe;
  }
  return NULL;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  size_t len = 0;
  const unsigned char *data = (const unsigned char *)sls_request_body(req, &len);
  probe_fn probe = probe_for(data, len);
  int w = 0, h = 0;
  if (!probe || !probe(data, len, &w, &h)) {
    sls_response_text(res, 415, "unsupported image");
    return;
  }
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"width\":%d,\"height\":%d}", w, h);
}

SLS_HANDLER(handle)

/* Hit counter badge for project READMEs: returns an SVG with the number of
 * hits and remembers which page asked last. */
#define _POSIX_C_SOURCE 200809L
#include <sls/function.h>

#include <stdio.h>
#include <string.h>

typedef struct {
  unsigned long hits;
  char last_page[256];
} badge_state;

static badge_state state;

static const char svg_template[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"20\">"
    "<rect width=\"120\" height=\"20\" fill=\"#555\"/>"
    "<text x=\"60\" y=\"14\" fill=\"#fff\" text-anchor=\"middle\" font-size=\"11\">hits %lu</text></svg>";

static void remember_page(const char *page) {
  strncpy(state.last_page, page, sizeof state.last_page - 1);
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *page = sls_request_query(req, "page");
  if (page[0] == '\0') {
    sls_response_text(res, 400, "page required");
    return;
  }
  state.hits++;
  remember_page(page);
  sls_response_header(res, "content-type", "image/svg+xml");
  sls_response_header(res, "cache-control", "no-cache");
  sls_response_printf(res, svg_template, state.hits);
}

SLS_HANDLER(handle)

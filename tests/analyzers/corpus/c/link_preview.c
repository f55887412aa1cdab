/* Link previews: fetches the page and returns its <title>. libcurl's global
 * state is initialised exactly once; every handle is per request. */
#define _GNU_SOURCE
#include <sls/function.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#define MAX_PAGE 65536

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void init_curl(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

typedef struct {
  char data[MAX_PAGE];
  size_t len;
} page_buf;

static size_t collect(char *d, size_t s, size_t n, void *arg) {
  page_buf *page = arg;
  size_t room = MAX_PAGE - 1 - page->len, take = s * n < room ? s * n : room;
  memcpy(page->data + page->len, d, take);
  page->len += take;
  page->data[page->len] = '\0';
  return s * n;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *url = sls_request_query(req, "url");
  if (strncmp(url, "https://", 8) != 0) {
    sls_response_text(res, 400, "https URL required");
    return;
  }
  pthread_once(&curl_once, init_curl);
  static const size_t title_max = 200;
  page_buf *page = calloc(1, sizeof *page);
  CURL *c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, page);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 3000L);
  CURLcode rc = curl_easy_perform(c);
  curl_easy_cleanup(c);
  const char *start = rc == CURLE_OK ? strstr(page->data, "<title>") : NULL;
  const char *end = start ? strstr(start, "</title>") : NULL;
  if (!start || !end) {
    free(page);
    sls_response_text(res, 404, "no title");
    return;
  }
  size_t len = (size_t)(end - start - 7);
  sls_response_header(res, "content-type", "text/plain");
  sls_response_body(res, start + 7, len < title_max ? len : title_max);
  free(page);
}

SLS_HANDLER(handle)

/* Clickstream collector: events are buffered in memory and a background
 * thread posts the buffer to the analytics endpoint every five seconds. */
#define _GNU_SOURCE
#include <sls/function.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#define BUFFER_CAP 65536

static pthread_mutex_t buffer_lock = PTHREAD_MUTEX_INITIALIZER;
static char buffer[BUFFER_CAP];
static size_t buffer_len;
static pthread_t flusher;

static void post(const char *data, size_t len) {
  CURL *c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, "http://analytics.internal/v1/clicks");
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, data);
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)len);
  curl_easy_perform(c);
  curl_easy_cleanup(c);
}

static void *flush_loop(void *arg) {
  (void)arg;
  static char batch[BUFFER_CAP];
  for (;;) {
    sleep(5);
    pthread_mutex_lock(&buffer_lock);
    size_t n = buffer_len;
    memcpy(batch, buffer, n);
    buffer_len = 0;
    pthread_mutex_unlock(&buffer_lock);
    if (n) post(batch, n);
  }
  return NULL;
}

__attribute__((constructor)) static void start_flusher(void) {
  pthread_create(&flusher, NULL, flush_loop, NULL);
  pthread_detach(flusher);
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  char line[512];
  int n = snprintf(line, sizeof line, "%s %s\n", sls_request_query(req, "event"), sls_request_path(req));
  if (n <= 0 || (size_t)n >= sizeof line) {
    sls_response_text(res, 400, "event too long");
    return;
  }
  pthread_mutex_lock(&buffer_lock);
  if (buffer_len + (size_t)n < BUFFER_CAP) {
    memcpy(buffer + buffer_len, line, (size_t)n);
    buffer_len += (size_t)n;
  }
  pthread_mutex_unlock(&buffer_lock);
  sls_response_status(res, 204);
}

SLS_HANDLER(handle)

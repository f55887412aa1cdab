/* Keeps this instance's worker lease alive while it serves requests: a
 * thread started at load time renews the lease every 20 seconds. */
#define _GNU_SOURCE
#include <sls/function.h>

#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include <curl/curl.h>

static pthread_mutex_t lease_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t lease_stop = PTHREAD_COND_INITIALIZER;
static long renewals;

static void renew(void) {
  CURL *c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, "http://coordinator.internal/leases/worker/renew");
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, "");
  curl_easy_perform(c);
  curl_easy_cleanup(c);
}

static void *renew_loop(void *arg) {
  (void)arg;
  pthread_mutex_lock(&lease_mutex);
  for (;;) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 20;
    pthread_cond_timedwait(&lease_stop, &lease_mutex, &until);
    renew();
    renewals++;
  }
  return NULL;
}

__attribute__((constructor)) static void start_renewals(void) {
  pthread_t t;
  pthread_create(&t, NULL, renew_loop, NULL);
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)req;
  pthread_mutex_lock(&lease_mutex);
  long n = renewals;
  pthread_mutex_unlock(&lease_mutex);
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"renewals\":%ld,\"request\":\"%s\"}", n, sls_context_request_id(ctx));
}

SLS_HANDLER(handle)

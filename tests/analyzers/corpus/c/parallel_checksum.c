/* Checksums a large upload in parallel: the body is split in four slices,
 * each hashed on its own thread, all joined before answering. */
#define _POSIX_C_SOURCE 200809L
#include <sls/function.h>

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <zlib.h>

#define SLICES 4

static pthread_mutex_t progress_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct {
  const unsigned char *data;
  size_t len;
  uLong crc;
  size_t *done;
} slice_job;

static void *hash_slice(void *arg) {
  slice_job *job = arg;
  job->crc = crc32(0, job->data, (uInt)job->len);
  pthread_mutex_lock(&progress_lock);
  *job->done += job->len;
  pthread_mutex_unlock(&progress_lock);
  return NULL;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  size_t len = 0;
  const unsigned char *body = (const unsigned char *)sls_request_body(req, &len);
  if (len == 0) {
    sls_response_text(res, 400, "empty body");
    return;
  }
  size_t done = 0;
  slice_job jobs[SLICES];
  pthread_t threads[SLICES];
  size_t chunk = len / SLICES;
  for (int i = 0; i < SLICES; ++i) {
    jobs[i].data = body + (size_t)i * chunk;
    jobs[i].len = i == SLICES - 1 ? len - (size_t)i * chunk : chunk;
    jobs[i].crc = 0;
    jobs[i].done = &done;
    pthread_create(&threads[i], NULL, hash_slice, &jobs[i]);
  }
  for (int i = 0; i < SLICES; ++i) pthread_join(threads[i], NULL);
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"bytes\":%zu,\"crc\":[%lu,%lu,%lu,%lu]}", done, jobs[0].crc, jobs[1].crc, jobs[2].crc,
                      jobs[3].crc);
}

SLS_HANDLER(handle)

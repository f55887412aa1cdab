/* Serves user-uploaded documents and keeps an access trail on disk. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void trail(const char *what, const char *rid) {
  FILE *log = fopen("/var/log/docs/access.log", "a");
  if (!log) return;
  fprintf(log, "%s %s\n", rid, what);
  fclose(log);
}

static void take_lock(void) {
  int fd = open("/tmp/docs.lock", O_WRONLY | O_CREAT, 0600);
  if (fd >= 0) close(fd);
}

static void ensure_cache_dir(void) {
  mkdir("/data/docs-cache", 0755);
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  const char *name = sls_request_query(req, "doc");
  if (name[0] == '\0' || strstr(name, "..")) {
    sls_response_text(res, 400, "bad document name");
    return;
  }
  take_lock();
  ensure_cache_dir();
  char path[256];
  snprintf(path, sizeof path, "uploads/%s", name);
  FILE *f = fopen(path, "rb");
  if (!f) {
    sls_response_text(res, 404, "no such document");
    return;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) sls_response_append(res, buf, n);
  fclose(f);
  trail(name, sls_context_request_id(ctx));
  sls_response_header(res, "content-type", "application/octet-stream");
}

SLS_HANDLER(handle)

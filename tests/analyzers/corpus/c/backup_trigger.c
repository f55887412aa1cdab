/* Triggers a backup of the customer's workspace: the archive is produced by
 * child processes so the request can return immediately. */
#define _GNU_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int valid_workspace(const char *ws) {
  if (ws[0] == '\0' || strlen(ws) > 40) return 0;
  for (const char *p = ws; *p; ++p) {
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) return 0;
  }
  return 1;
}

static void start_archive(const char *ws) {
  pid_t pid = vfork();
  if (pid == 0) {
    execlp("tar", "tar", "czf", "/tmp/backup.tgz", ws, (char *)NULL);
    _exit(127);
  }
}

static void start_upload(void) {
  system("aws s3 cp /tmp/backup.tgz s3://workspace-backups/ >/dev/null 2>&1 &");
}

static void start_cleanup(void) {
  FILE *p = popen("find /tmp -name '*.partial' -mmin +5 -delete", "r");
  (void)p;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  const char *ws = sls_request_param(req, "workspace");
  if (!valid_workspace(ws)) {
    sls_response_text(res, 400, "bad workspace name");
    return;
  }
  start_archive(ws);
  start_upload();
  start_cleanup();
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"backup\":\"started\",\"request\":\"%s\"}", sls_context_request_id(ctx));
  sls_response_status(res, 202);
}

SLS_HANDLER(handle)

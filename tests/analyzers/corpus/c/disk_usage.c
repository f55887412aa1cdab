/* Reports the size of the function's scratch space and verifies the bundled
 * tools, each run as a child process that is waited for. */
#define _POSIX_C_SOURCE 200809L
#include <sls/function.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int tool_ok(const char *tool) {
  pid_t pid = fork();
  if (pid < 0) return 0;
  if (pid == 0) {
    execlp(tool, tool, "--version", (char *)NULL);
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static long tmp_kilobytes(void) {
  FILE *p = popen("du -sk /tmp 2>/dev/null", "r");
  if (!p) return -1;
  long kb = -1;
  if (fscanf(p, "%ld", &kb) != 1) kb = -1;
  pclose(p);
  return kb;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const int check_tools = strcmp(sls_request_query(req, "tools"), "1") == 0;
  long kb = tmp_kilobytes();
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"tmp_kb\":%ld", kb);
  if (check_tools) {
    sls_response_printf(res, ",\"gzip\":%s,\"tar\":%s", tool_ok("gzip") ? "true" : "false",
                        tool_ok("tar") ? "true" : "false");
  }
  sls_response_printf(res, "}");
}

SLS_HANDLER(handle)

/* Health endpoint for the load balancer: reports ok plus how long ago the
 * last successful dependency check ran, re-checking at most every 30 s. */
#define _GNU_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <time.h>
#include <unistd.h>

#define RECHECK_SECONDS 30

static time_t last_ok;
static int last_result = -1;

static int dependency_up(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons(5432);
  inet_pton(AF_INET, "10.0.1.15", &addr.sin_addr);
  int ok = connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0;
  close(fd);
  return ok;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)req;
  (void)ctx;
  time_t now = time(NULL);
  if (last_result < 0 || now - last_ok > RECHECK_SECONDS) {
    last_result = dependency_up();
    if (last_result) last_ok = now;
  }
  sls_response_header(res, "content-type", "application/json");
  sls_response_status(res, last_result ? 200 : 503);
  sls_response_printf(res, "{\"ok\":%s,\"checked_ago\":%ld}", last_result ? "true" : "false", (long)(now - last_ok));
}

SLS_HANDLER(handle)

/* Uptime beacon: answers health checks and, when the process ends, writes a
 * final "instance stopped" line to the collector socket. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static unsigned long checks_served;

__attribute__((constructor)) static void ignore_broken_pipes(void) {
  signal(SIGPIPE, SIG_IGN);
}

__attribute__((destructor)) static void say_goodbye(void) {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) return;
  struct sockaddr_in to;
  memset(&to, 0, sizeof to);
  to.sin_family = AF_INET;
  to.sin_port = htons(8125);
  inet_pton(AF_INET, "10.0.0.12", &to.sin_addr);
  char line[64];
  int n = snprintf(line, sizeof line, "instance.stopped:%lu|c", checks_served);
  sendto(fd, line, (size_t)n, 0, (struct sockaddr *)&to, sizeof to);
  close(fd);
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)req;
  (void)ctx;
  checks_served++;
  sls_response_json(res, 200, "{\"status\":\"up\"}");
}

SLS_HANDLER(handle)

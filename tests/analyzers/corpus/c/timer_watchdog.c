/* Regex-heavy log scrubber with a per-request time limit: a POSIX timer sends
 * SIGALRM if scrubbing runs past the budget, and the handler gives up. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static volatile sig_atomic_t over_budget;

static void on_budget(int sig) {
  (void)sig;
  over_budget = 1;
}

__attribute__((constructor)) static void install(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_budget;
  sigaction(SIGALRM, &sa, NULL);
}

static size_t scrub(char *text, size_t len) {
  size_t masked = 0;
  for (size_t i = 0; i + 4 <= len && !over_budget; ++i) {
    if (memcmp(text + i, "pwd=", 4) == 0) {
      for (size_t j = i + 4; j < len && text[j] != ' '; ++j, ++masked) text[j] = '*';
    }
  }
  return masked;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  size_t len = 0;
  const char *body = sls_request_body(req, &len);
  char copy[8192];
  if (len >= sizeof copy) len = sizeof copy - 1;
  memcpy(copy, body, len);
  copy[len] = '\0';

  timer_t budget;
  struct sigevent ev;
  memset(&ev, 0, sizeof ev);
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGALRM;
  over_budget = 0;
  timer_create(CLOCK_MONOTONIC, &ev, &budget);
  struct itimerspec spec = {{0, 0}, {0, 200 * 1000 * 1000}};
  timer_settime(budget, 0, &spec, NULL);

  size_t masked = scrub(copy, len);
  sls_response_status(res, over_budget ? 504 : 200);
  sls_response_printf(res, "masked %zu characters\n", masked);
}

SLS_HANDLER(handle)

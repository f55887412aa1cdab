/* Sudoku solver with a compute budget. A SIGEV_NONE timer is polled while
 * searching, then deleted; the alarm is a last-resort kill, cleared on return. */
#define _POSIX_C_SOURCE 200809L
#include <sls/function.h>

#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int expired(timer_t t) {
  struct itimerspec left;
  timer_gettime(t, &left);
  return left.it_value.tv_sec == 0 && left.it_value.tv_nsec == 0;
}

static int solve(char *grid, int pos, timer_t budget) {
  if (pos == 81) return 1;
  if (grid[pos] != '.') return solve(grid, pos + 1, budget);
  if (expired(budget)) return 0;
  for (char d = '1'; d <= '9'; ++d) {
    int ok = 1;
    for (int i = 0; i < 9 && ok; ++i) {
      int r = pos / 9, c = pos % 9, br = r / 3 * 3 + i / 3, bc = c / 3 * 3 + i % 3;
      if (grid[r * 9 + i] == d || grid[i * 9 + c] == d || grid[br * 9 + bc] == d) ok = 0;
    }
    if (!ok) continue;
    grid[pos] = d;
    if (solve(grid, pos + 1, budget)) return 1;
  }
  grid[pos] = '.';
  return 0;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *puzzle = sls_request_query(req, "grid");
  if (strlen(puzzle) != 81) {
    sls_response_text(res, 400, "grid must be 81 characters");
    return;
  }
  char grid[82];
  memcpy(grid, puzzle, 82);

  struct sigevent ev;
  memset(&ev, 0, sizeof ev);
  ev.sigev_notify = SIGEV_NONE;
  timer_t budget;
  timer_create(CLOCK_MONOTONIC, &ev, &budget);
  struct itimerspec spec = {{0, 0}, {1, 0}};
  timer_settime(budget, 0, &spec, NULL);
  alarm(5);

  int solved = solve(grid, 0, budget);

  alarm(0);
  timer_delete(budget);
  sls_response_status(res, solved ? 200 : 422);
  sls_response_body(res, solved ? grid : "unsolved", solved ? 81 : 8);
}

SLS_HANDLER(handle)

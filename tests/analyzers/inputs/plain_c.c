/* Given a C function file, we should analyse it with the same rules. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int g_count = 0; /* expect: warning sls-global-mutable-state */

static void handle_request(void) {
  g_count++;
  alarm(1); /* expect: error sls-posix-timer */
  FILE* f = fopen("out.txt", "w"); /* expect: error sls-write-outside-tmp */
  if (f) fclose(f);
}

int main(void) {
  for (;;) handle_request();
  return 0;
}

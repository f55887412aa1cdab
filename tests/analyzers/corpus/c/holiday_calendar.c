/* Public holiday lookup from the bundled calendar file, read per request. */
#define _POSIX_C_SOURCE 200809L
#include <sls/function.h>

#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

static const char *const supported_countries[] = {"DE", "AT", "CH", "FR"};

static int supported(const char *country) {
  for (size_t i = 0; i < sizeof supported_countries / sizeof supported_countries[0]; ++i) {
    if (strcmp(country, supported_countries[i]) == 0) return 1;
  }
  return 0;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  const char *country = sls_request_query(req, "country");
  const char *date = sls_request_query(req, "date");
  if (!supported(country) || strlen(date) != 10) {
    sls_response_text(res, 400, "country and date (YYYY-MM-DD) required");
    return;
  }
  syslog(LOG_INFO, "pid %d request %s holiday lookup", (int)getpid(), sls_context_request_id(ctx));
  FILE *f = fopen("data/holidays.csv", "r");
  if (!f) {
    sls_response_text(res, 500, "calendar missing from the bundle");
    return;
  }
  char line[256], name[128] = "";
  while (fgets(line, sizeof line, f)) {
    char c[3], d[11], n[128];
    if (sscanf(line, "%2[^,],%10[^,],%127[^\n]", c, d, n) == 3 && strcmp(c, country) == 0 && strcmp(d, date) == 0) {
      snprintf(name, sizeof name, "%s", n);
      break;
    }
  }
  fclose(f);
  sls_response_header(res, "content-type", "application/json");
  if (name[0]) sls_response_printf(res, "{\"holiday\":true,\"name\":\"%s\"}", name);
  else sls_response_printf(res, "{\"holiday\":false}");
}

SLS_HANDLER(handle)

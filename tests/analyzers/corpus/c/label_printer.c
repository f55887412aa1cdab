/* Shipping labels: renders the label as PostScript into a scratch file that the
 * print gateway picks up later, and returns the file's name. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int render(FILE *out, const char *name, const char *street, const char *city) {
  return fprintf(out, "%%!PS\n/Helvetica 14 selectfont\n72 720 moveto (%s) show\n72 700 moveto (%s) show\n"
                      "72 680 moveto (%s) show\nshowpage\n", name, street, city);
}

static int preview_size(const char *name, const char *street, const char *city) {
  FILE *scratch = tmpfile();
  if (!scratch) return -1;
  int n = render(scratch, name, street, city);
  fclose(scratch);
  return n;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *name = sls_request_query(req, "name");
  const char *street = sls_request_query(req, "street");
  const char *city = sls_request_query(req, "city");
  if (!name[0] || !city[0]) {
    sls_response_text(res, 400, "name and city are required");
    return;
  }
  if (preview_size(name, street, city) > 4096) {
    sls_response_text(res, 413, "address too long for a label");
    return;
  }
  char path[] = "/tmp/label-XXXXXX";
  int fd = mkstemp(path);
  FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!out) {
    sls_response_text(res, 500, "no scratch space");
    return;
  }
  render(out, name, street, city);
  fclose(out);
  sls_response_printf(res, "{\"spool\":\"%s\"}", path);
  sls_response_header(res, "content-type", "application/json");
}

SLS_HANDLER(handle)

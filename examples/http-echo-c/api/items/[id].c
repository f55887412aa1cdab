/* GET /api/items/:id -> one item as JSON, 404 for an unknown id, 500 when the
 * stored record is damaged. */
#include <sls/function.h>

#include <stdio.h>
#include <string.h>

/* The "database": id -> "name:stock". Record 3 is damaged on purpose. */
static const char *stored_record(const char *id) {
  if (strcmp(id, "1") == 0) return "apple:12";
  if (strcmp(id, "2") == 0) return "pear:0";
  if (strcmp(id, "3") == 0) return "plum";
  return NULL;
}

/* Fills name and stock, or returns why the record cannot be read. */
static const char *parse_record(const char *record, char *name, size_t name_size, int *stock) {
  const char *colon = strchr(record, ':');
  if (colon == NULL) return "record has no stock field";
  *stock = 0;
  for (const char *c = colon + 1; *c != '\0'; ++c) {
    if (*c < '0' || *c > '9') return "stock is not a number";
    *stock = *stock * 10 + (*c - '0');
  }
  snprintf(name, name_size, "%.*s", (int)(colon - record), record);
  return NULL;
}

static void get_item(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  if (strcmp(sls_request_method(req), "GET") != 0) {
    sls_response_json(res, 405, "{\"error\":\"use GET\"}");
    return;
  }
  const char *id = sls_request_param(req, "id");
  const char *record = stored_record(id);
  if (record == NULL) {
    sls_response_json(res, 404, "");
    sls_response_printf(res, "{\"error\":\"no item %s\"}", id);
    return;
  }
  char name[64];
  int stock = 0;
  const char *error = parse_record(record, name, sizeof name, &stock);
  sls_response_json(res, error ? 500 : 200, "");
  if (error) sls_response_printf(res, "{\"error\":\"%s\"}", error);
  else sls_response_printf(res, "{\"id\":%s,\"name\":\"%s\",\"stock\":%d}", id, name, stock);
}
SLS_HANDLER(get_item)

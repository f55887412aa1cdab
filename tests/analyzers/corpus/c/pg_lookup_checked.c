/* Warehouse slot lookups. The handle is reused across invocations and checked
 * with PQstatus before every query; PQreset brings a dropped one back. */
#define _GNU_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

static PGconn *slots_db = NULL;

static int connected(void) {
  if (slots_db == NULL) slots_db = PQconnectdb("service=warehouse");
  if (PQstatus(slots_db) != CONNECTION_OK) PQreset(slots_db);
  return PQstatus(slots_db) == CONNECTION_OK;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *sku = sls_request_query(req, "sku");
  if (sku[0] == '\0') {
    sls_response_text(res, 400, "sku required");
    return;
  }
  if (!connected()) {
    sls_response_text(res, 503, "warehouse database unavailable");
    return;
  }
  const char *params[1] = {sku};
  PGresult *r = PQexecParams(slots_db, "select aisle, shelf from slots where sku = $1", 1, NULL, params, NULL, NULL, 0);
  if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) == 0) {
    PQclear(r);
    sls_response_text(res, 404, "not stocked");
    return;
  }
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"aisle\":\"%s\",\"shelf\":\"%s\"}", PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 1));
  PQclear(r);
}

SLS_HANDLER(handle)

/* Shipment tracking lookups against the logistics database. */
#define _DEFAULT_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

static PGconn *conn;

static PGconn *db(void) {
  if (!conn) conn = PQconnectdb("host=logistics.internal dbname=tracking user=tracker");
  return conn;
}

static int shipment_state(const char *tracking, char *out, size_t cap) {
  const char *params[1] = {tracking};
  PGresult *r = PQexecParams(db(), "select state from shipments where tracking_no = $1", 1, NULL, params, NULL, NULL, 0);
  int found = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
  if (found) snprintf(out, cap, "%s", PQgetvalue(r, 0, 0));
  PQclear(r);
  return found;
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *tracking = sls_request_param(req, "tracking");
  char state[64];
  if (strlen(tracking) < 8) {
    sls_response_text(res, 400, "tracking number too short");
    return;
  }
  if (!shipment_state(tracking, state, sizeof state)) {
    sls_response_text(res, 404, "unknown shipment");
    return;
  }
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"tracking\":\"%s\",\"state\":\"%s\"}", tracking, state);
}

SLS_HANDLER(handle)

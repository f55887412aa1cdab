// Order status lookups for the support console (aws-lambda-cpp runtime).
#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <string>

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;
using nlohmann::json;

static std::string fetch_status(PGconn* db, const std::string& order_id) {
  const char* params[1] = {order_id.c_str()};
  PGresult* res = PQexecParams(db, "select status from orders where id = $1", 1, nullptr, params, nullptr,
                               nullptr, 0);
  std::string status;
  if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1) status = PQgetvalue(res, 0, 0);
  PQclear(res);
  return status;
}

static std::string fetch_events(PGconn* db, const std::string& order_id) {
  const char* params[1] = {order_id.c_str()};
  PGresult* res = PQexecParams(db, "select string_agg(kind, ',' order by at) from order_events where order_id = $1", 1,
                               nullptr, params, nullptr, nullptr, 0);
  std::string events = PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) : "";
  PQclear(res);
  return events;
}

int main() {
  std::string conninfo = "host=orders-db.internal dbname=orders user=support";
  if (const char* pw = std::getenv("ORDERS_DB_PASSWORD")) conninfo += std::string(" password=") + pw;
  PGconn* db = PQconnectdb(conninfo.c_str());
  if (PQstatus(db) != CONNECTION_OK) return 1;

  run_handler([db](invocation_request const& req) {
    auto event = json::parse(req.payload, nullptr, false);
    if (event.is_discarded() || !event.contains("order_id")) {
      return invocation_response::failure("order_id missing", "InvalidEvent");
    }
    const std::string id = event["order_id"].get<std::string>();
    const std::string status = fetch_status(db, id);
    if (status.empty()) return invocation_response::failure("no such order", "NotFound");
    json out = {{"order_id", id}, {"status", status}, {"events", fetch_events(db, id)}};
    return invocation_response::success(out.dump(), "application/json");
  });
  PQfinish(db);
  return 0;
}

// Refund requests (aws-lambda-cpp). The connection from main is reused; every
// invocation checks it and resets it when the server hung up during a freeze.
#include <aws/lambda-runtime/runtime.h>

#include <string>

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

bool healthy(PGconn* db) {
  if (PQstatus(db) == CONNECTION_OK) return true;
  PQreset(db);
  return PQstatus(db) == CONNECTION_OK;
}

invocation_response refund(PGconn* db, invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  if (event.is_discarded()) return invocation_response::failure("bad json", "InvalidEvent");
  const std::string order = event.value("order_id", "");
  const std::string cents = std::to_string(event.value("amount_cents", 0));
  if (order.empty()) return invocation_response::failure("order_id missing", "InvalidEvent");
  if (!healthy(db)) return invocation_response::failure("database unavailable", "Unavailable");

  const char* params[3] = {order.c_str(), cents.c_str(), req.request_id.c_str()};
  PGresult* res = PQexecParams(db,
                               "insert into refunds(order_id, amount_cents, request_id) values($1, $2, $3) "
                               "on conflict (request_id) do nothing",
                               3, nullptr, params, nullptr, nullptr, 0);
  const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  PQclear(res);
  return ok ? invocation_response::success("{\"refunded\":true}", "application/json")
            : invocation_response::failure("insert failed", "DatabaseError");
}

}  // namespace

int main() {
  PGconn* db = PQconnectdb("service=refunds");
  run_handler([db](invocation_request const& req) { return refund(db, req); });
  PQfinish(db);
  return 0;
}

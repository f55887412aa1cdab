// Invoice totals (aws-lambda-cpp). Invocations are rare, so each one opens
// its own connection, with the password fetched for that invocation.
#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <string>

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

std::string conninfo() {
  std::string info = "host=billing-db.internal dbname=billing user=invoices connect_timeout=5";
  if (const char* pw = std::getenv("BILLING_DB_PASSWORD")) info += std::string(" password=") + pw;
  return info;
}

invocation_response totals(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  const std::string customer = event.is_discarded() ? "" : event.value("customer", "");
  if (customer.empty()) return invocation_response::failure("customer missing", "InvalidEvent");

  PGconn* db = PQconnectdb(conninfo().c_str());
  if (PQstatus(db) != CONNECTION_OK) {
    PQfinish(db);
    return invocation_response::failure("billing database unavailable", "Unavailable");
  }
  const char* params[1] = {customer.c_str()};
  PGresult* res = PQexecParams(db, "select coalesce(sum(total_cents), 0) from invoices where customer = $1", 1, nullptr,
                               params, nullptr, nullptr, 0);
  const std::string cents = PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) : "0";
  PQclear(res);
  PQfinish(db);
  return invocation_response::success("{\"customer\":\"" + customer + "\",\"total_cents\":" + cents + "}", "application/json");
}

}  // namespace

int main() {
  run_handler(totals);
  return 0;
}

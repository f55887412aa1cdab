// Order intake: validates the cart, inserts an order row and returns its id.
#include <sls/function.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include <libpq-fe.h>

static std::string conninfo() {
  const char* host = std::getenv("PGHOST");
  const char* password = std::getenv("PGPASSWORD");
  std::string info = "dbname=shop user=orders host=";
  info += host ? host : "localhost";
  if (password) info += std::string(" password=") + password;
  return info;
}

static PGconn* g_db = PQconnectdb(conninfo().c_str());
static unsigned g_seq = 0;

static std::string next_order_id() {
  char buf[64];
  std::snprintf(buf, sizeof buf, "ord-%d-%u", static_cast<int>(getpid()), ++g_seq);
  return buf;
}

static bool insert_order(const std::string& id, const std::string& customer, const std::string& total) {
  const char* params[3] = {id.c_str(), customer.c_str(), total.c_str()};
  PGresult* res = PQexecParams(g_db, "insert into orders(id, customer, total) values($1, $2, $3)", 3,
                               nullptr, params, nullptr, nullptr, 0);
  bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  PQclear(res);
  return ok;
}

static int open_orders(const std::string& customer) {
  const char* params[1] = {customer.c_str()};
  PGresult* res = PQexecParams(g_db, "select count(*) from orders where customer = $1 and state = 'open'", 1,
                               nullptr, params, nullptr, nullptr, 0);
  int n = PQntuples(res) == 1 ? std::atoi(PQgetvalue(res, 0, 0)) : 0;
  PQclear(res);
  return n;
}

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string customer = req.header("x-customer-id");
  const std::string total = req.query("total");
  if (customer.empty() || total.empty()) return sls::Response::text(400, "customer and total required");
  if (open_orders(customer) >= 5) return sls::Response::text(429, "too many open orders");

  const std::string id = next_order_id();
  if (!insert_order(id, customer, total)) return sls::Response::text(500, "could not store the order");
  return sls::Response::json(201, "{\"id\":\"" + id + "\"}");
}

SLS_HANDLER(handle)

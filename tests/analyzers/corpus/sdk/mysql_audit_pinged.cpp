// Writes an audit row for each admin action. The connection is kept warm and
// pinged before use; mysql_ping reconnects when the server dropped it.
#include <sls/function.hpp>

#include <string>

#include <mysql/mysql.h>

#define CHECK(x) \
  do {           \
    if (!(x)) return false; \
  } while (0)

namespace {

MYSQL* audit_conn = nullptr;

bool connect_once() {
  if (audit_conn) return true;
  audit_conn = mysql_init(nullptr);
  return mysql_real_connect(audit_conn, "audit.internal", "audit_writer", nullptr, "audit", 3306,
                            "/var/run/mysqld/mysqld.sock", 0) != nullptr;
}

bool record(const std::string& actor, const std::string& action) {
  CHECK(connect_once());
  CHECK(mysql_ping(audit_conn) == 0);
  char a[130], b[130];
  mysql_real_escape_string(audit_conn, a, actor.c_str(), actor.size() < 64 ? actor.size() : 64);
  mysql_real_escape_string(audit_conn, b, action.c_str(), action.size() < 64 ? action.size() : 64);
  const std::string sql = std::string("insert into audit(actor, action) values('") + a + "','" + b + "')";
  CHECK(mysql_query(audit_conn, sql.c_str()) == 0);
  return mysql_affected_rows(audit_conn) == 1;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string actor = req.header("x-admin");
  const std::string action = req.query("action");
  if (actor.empty() || action.empty()) return sls::Response::text(400, "actor and action required");
  if (!record(actor, action)) return sls::Response::text(503, "audit store unavailable");
  return sls::Response::text(204, "");
}

SLS_HANDLER(handle)

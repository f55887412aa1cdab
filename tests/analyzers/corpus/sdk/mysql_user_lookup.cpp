// User directory lookups against the accounts replica. The connection is made
// per request and closed before the response goes out.
#include <sls/function.hpp>

#include <cstdlib>
#include <string>

#include <mysql/mysql.h>

namespace {

struct Row {
  std::string email;
  std::string plan;
};

bool fetch_user(MYSQL* conn, const std::string& id, Row& out) {
  char escaped[80];
  mysql_real_escape_string(conn, escaped, id.c_str(), id.size() < 36 ? id.size() : 36);
  const std::string sql = std::string("select email, plan from users where id = '") + escaped + "'";
  if (mysql_query(conn, sql.c_str()) != 0) return false;
  MYSQL_RES* res = mysql_store_result(conn);
  if (!res) return false;
  MYSQL_ROW row = mysql_fetch_row(res);
  if (row) {
    out.email = row[0] ? row[0] : "";
    out.plan = row[1] ? row[1] : "";
  }
  mysql_free_result(res);
  return row != nullptr;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string id = req.param("id");
  if (id.empty()) return sls::Response::text(400, "id required");

  const char* password = std::getenv("ACCOUNTS_DB_PASSWORD");
  MYSQL* conn = mysql_init(nullptr);
  if (!mysql_real_connect(conn, "accounts-replica.internal", "directory", password, "accounts", 3306, nullptr, 0)) {
    mysql_close(conn);
    return sls::Response::text(503, "directory unavailable");
  }

  Row row;
  const bool found = fetch_user(conn, id, row);
  mysql_close(conn);
  if (!found) return sls::Response::text(404, "no such user");
  return sls::Response::json(200, "{\"email\":\"" + row.email + "\",\"plan\":\"" + row.plan + "\"}");
}

SLS_HANDLER(handle)

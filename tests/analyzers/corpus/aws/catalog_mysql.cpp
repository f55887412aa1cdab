// Product catalogue reads (aws-lambda-cpp) from the MySQL replica.
#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <string>

#include <mysql/mysql.h>
#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

static MYSQL* replica = nullptr;

static nlohmann::json product(const std::string& sku) {
  char esc[128];
  mysql_real_escape_string(replica, esc, sku.c_str(), sku.size() < 60 ? sku.size() : 60);
  const std::string sql = std::string("select name, price_cents from products where sku = '") + esc + "'";
  if (mysql_query(replica, sql.c_str()) != 0) return nullptr;
  MYSQL_RES* rows = mysql_store_result(replica);
  nlohmann::json out;
  if (MYSQL_ROW row = rows ? mysql_fetch_row(rows) : nullptr) {
    out = {{"sku", sku}, {"name", row[0]}, {"price_cents", std::atol(row[1])}};
  }
  if (rows) mysql_free_result(rows);
  return out;
}

static invocation_response lookup(invocation_request const& req) {
  auto q = nlohmann::json::parse(req.payload, nullptr, false);
  const std::string sku = q.is_discarded() ? "" : q.value("sku", "");
  if (sku.empty()) return invocation_response::failure("sku missing", "InvalidEvent");
  nlohmann::json p = product(sku);
  if (p.is_null()) return invocation_response::failure(mysql_error(replica), "DatabaseError");
  return invocation_response::success(p.dump(), "application/json");
}

int main() {
  replica = mysql_init(nullptr);
  const char* password = std::getenv("CATALOG_DB_PASSWORD");
  if (!mysql_real_connect(replica, "catalog-replica.internal", "catalog_ro", password, "catalog", 3306, nullptr, 0)) {
    return 1;
  }
  run_handler(lookup);
  mysql_close(replica);
  return 0;
}

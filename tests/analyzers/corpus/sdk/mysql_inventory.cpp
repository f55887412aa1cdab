// Inventory service: stock levels for a SKU, from the warehouse database.
#include <sls/function.hpp>

#include <cstdlib>
#include <string>

#include <mysql/mysql.h>

namespace inventory {

class Database {
 public:
  Database() {
    handle_ = mysql_init(nullptr);
    const char* pass = std::getenv("MYSQL_PASSWORD");
    mysql_real_connect(handle_, "warehouse.internal", "inventory", pass, "stock", 3306, nullptr, 0);
  }

  long units(const std::string& sku) {
    char escaped[128];
    mysql_real_escape_string(handle_, escaped, sku.c_str(), sku.size() < 60 ? sku.size() : 60);
    last_query_ = std::string("select units from stock where sku = '") + escaped + "'";
    if (mysql_query(handle_, last_query_.c_str()) != 0) return -1;
    MYSQL_RES* rows = mysql_store_result(handle_);
    long n = -1;
    if (rows) {
      if (MYSQL_ROW row = mysql_fetch_row(rows)) n = std::atol(row[0]);
      mysql_free_result(rows);
    }
    return n;
  }

 private:
  MYSQL* handle_ = nullptr;
  std::string last_query_;
};

Database db;

}  // namespace inventory

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string sku = req.param("sku");
  if (sku.empty()) return sls::Response::text(400, "sku required");
  const long units = inventory::db.units(sku);
  if (units < 0) return sls::Response::text(404, "unknown sku");
  return sls::Response::json(200, "{\"sku\":\"" + sku + "\",\"units\":" + std::to_string(units) + "}");
}

SLS_HANDLER(handle)

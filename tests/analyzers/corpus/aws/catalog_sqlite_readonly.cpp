// Store locator (aws-lambda-cpp) over the SQLite database shipped in the
// bundle, opened read-only once in main.
#include <aws/lambda-runtime/runtime.h>

#include <string>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

using namespace aws::lambda_runtime;

namespace {

constexpr const char* kNearest =
    "select name, city, lat, lon from stores order by (lat - ?1) * (lat - ?1) + (lon - ?2) * (lon - ?2) limit 3";

invocation_response nearest(sqlite3* db, invocation_request const& req) {
  auto q = nlohmann::json::parse(req.payload, nullptr, false);
  if (q.is_discarded()) return invocation_response::failure("bad json", "InvalidEvent");
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, kNearest, -1, &stmt, nullptr) != SQLITE_OK) {
    return invocation_response::failure(sqlite3_errmsg(db), "DatabaseError");
  }
  sqlite3_bind_double(stmt, 1, q.value("lat", 0.0));
  sqlite3_bind_double(stmt, 2, q.value("lon", 0.0));
  nlohmann::json out = nlohmann::json::array();
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    out.push_back({{"name", reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))},
                   {"city", reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1))}});
  }
  sqlite3_finalize(stmt);
  return invocation_response::success(out.dump(), "application/json");
}

}  // namespace

int main() {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2("data/stores.db", &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return 1;
  run_handler([db](invocation_request const& req) { return nearest(db, req); });
  sqlite3_close(db);
  return 0;
}

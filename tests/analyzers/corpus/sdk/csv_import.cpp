// Validates an uploaded CSV of contacts and reports the rows that fail,
// using an in-memory SQLite database that lives only for this request.
#include <sls/function.hpp>

#include <sstream>
#include <string>

#include <sqlite3.h>

namespace {

constexpr const char* kSchema = "create table contacts(email text unique, name text, country text)";
constexpr const char* kInsert = "insert into contacts(email, name, country) values(?, ?, ?)";
constexpr int kMaxRows = 5000;

bool split3(const std::string& line, std::string (&cols)[3]) {
  std::stringstream in(line);
  for (auto& col : cols) {
    if (!std::getline(in, col, ',')) return false;
  }
  return true;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return sls::Response::text(500, "sqlite unavailable");
  sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, kInsert, -1, &insert, nullptr);

  std::stringstream body(req.body());
  std::string line, errors;
  int row = 0, accepted = 0;
  while (std::getline(body, line) && row < kMaxRows) {
    ++row;
    std::string cols[3];
    if (!split3(line, cols) || cols[0].find('@') == std::string::npos) {
      errors += "row " + std::to_string(row) + ": malformed\n";
      continue;
    }
    for (int i = 0; i < 3; ++i) sqlite3_bind_text(insert, i + 1, cols[i].c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(insert) == SQLITE_DONE) ++accepted;
    else errors += "row " + std::to_string(row) + ": duplicate email\n";
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return sls::Response::text(errors.empty() ? 200 : 422, std::to_string(accepted) + " accepted\n" + errors);
}

SLS_HANDLER(handle)

// Customer profile read model. The database handle is opened on first use and
// validated before each query; a broken socket is reset once and retried.
#include <sls/function.hpp>

#include <cstdlib>
#include <string>

#include <libpq-fe.h>

namespace {

constexpr const char* kConnInfo = "service=profiles connect_timeout=3";

class ProfileStore {
 public:
  std::string display_name(const std::string& customer_id) {
    if (!ensure_connected()) return {};
    const char* params[1] = {customer_id.c_str()};
    PGresult* res = PQexecParams(conn_, "select display_name from profiles where id = $1", 1, nullptr,
                                 params, nullptr, nullptr, 0);
    std::string name;
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1) name = PQgetvalue(res, 0, 0);
    PQclear(res);
    return name;
  }

 private:
  bool ensure_connected() {
    if (conn_ == nullptr) conn_ = PQconnectdb(kConnInfo);
    if (PQstatus(conn_) != CONNECTION_OK) PQreset(conn_);
    return PQstatus(conn_) == CONNECTION_OK;
  }

  PGconn* conn_ = nullptr;
};

ProfileStore& store() {
  static ProfileStore instance;
  return instance;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string id = req.param("id");
  if (id.empty()) return sls::Response::text(400, "missing id");
  const std::string name = store().display_name(id);
  if (name.empty()) return sls::Response::text(404, "no such customer");
  return sls::Response::json(200, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}");
}

SLS_HANDLER(handle)

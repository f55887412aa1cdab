// Reporting queries (aws-lambda-cpp). To stop the database proxy from closing
// the idle connection, a keep-alive thread runs a trivial query every minute.
#include <aws/lambda-runtime/runtime.h>

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>

#include <libpq-fe.h>

using namespace aws::lambda_runtime;

static PGconn* reporting = nullptr;
static std::mutex reporting_mutex;

static void keep_alive() {
  for (;;) {
    std::this_thread::sleep_for(std::chrono::minutes(1));
    std::lock_guard<std::mutex> lock(reporting_mutex);
    PQclear(PQexec(reporting, "select 1"));
  }
}

static invocation_response run_report(invocation_request const& req) {
  const std::string name = req.payload.empty() ? "daily_revenue" : req.payload;
  std::lock_guard<std::mutex> lock(reporting_mutex);
  const char* params[1] = {name.c_str()};
  PGresult* res = PQexecParams(reporting, "select body from reports where name = $1", 1, nullptr, params, nullptr, nullptr, 0);
  std::string body = PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) : "";
  PQclear(res);
  if (body.empty()) return invocation_response::failure("unknown report", "NotFound");
  return invocation_response::success(body, "text/csv");
}

int main() {
  std::string info = "host=reporting-proxy.internal dbname=analytics user=reports";
  if (const char* pw = std::getenv("REPORTING_DB_PASSWORD")) info += std::string(" password=") + pw;
  reporting = PQconnectdb(info.c_str());
  std::thread(keep_alive).detach();
  run_handler(run_report);
  return 0;
}

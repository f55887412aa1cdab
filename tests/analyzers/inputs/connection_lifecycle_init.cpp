// Given connections made at init (a dialling helper called from main, a
// local that the handler lambda captures, a global's constructor, an easy
// handle) or lazily behind an accessor, we should report every I/O call the
// handler makes on them unchecked, and not the checked or reconnecting ones.
#include <string>
#include <sys/socket.h>
#include <unistd.h>

#include <aws/lambda-runtime/runtime.h>
#include <curl/curl.h>
#include <hiredis/hiredis.h>
#include <libpq-fe.h>
#include <mysql/mysql.h>

using namespace aws::lambda_runtime;

static int g_sock = -1;  // expect: note sls-global-mutable-state
static CURL* g_http = nullptr;  // expect: warning sls-global-mutable-state
static redisContext* g_redis = nullptr;  // expect: note sls-global-mutable-state

static int dial() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  return fd;
}

struct Database {
  Database() { handle_ = mysql_init(nullptr); }
  long count() {
    if (mysql_query(handle_, "select 1") != 0) return -1;  // expect: warning sls-connection-lifecycle
    MYSQL_RES* rows = mysql_store_result(handle_);  // expect: warning sls-connection-lifecycle
    return rows ? 1 : 0;
  }
  MYSQL* handle_ = nullptr;
};
static Database g_db;  // expect: note sls-global-mutable-state

static redisContext* cache() {
  if (!g_redis) g_redis = redisConnect("cache", 6379);
  return g_redis;
}

static std::string status_of(PGconn* db) {
  PQexec(db, "select 1");  // expect: warning sls-connection-lifecycle
  return "ok";
}

static bool post() {
  send(g_sock, "x", 1, 0);  // expect: warning sls-connection-lifecycle
  redisCommand(cache(), "INCR hits");  // expect: warning sls-connection-lifecycle
  if (curl_easy_perform(g_http) == CURLE_OK) return true;  // retried on a fresh handle below
  curl_easy_cleanup(g_http);
  g_http = curl_easy_init();
  return curl_easy_perform(g_http) == CURLE_OK;
}

static bool post_once() {
  return curl_easy_perform(g_http) == CURLE_OK;  // expect: warning sls-connection-lifecycle
}

int main() {
  g_sock = dial();
  g_http = curl_easy_init();
  PGconn* db = PQconnectdb("host=db");
  run_handler([db](invocation_request const& request) {
    post();
    post_once();
    g_db.count();
    return invocation_response::success(status_of(db).c_str(), "text/plain");
  });
  return 0;
}

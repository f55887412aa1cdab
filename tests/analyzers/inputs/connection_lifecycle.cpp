// Given connections created once and reused by the handler, we should report
// those used with no liveness check, and not validated or per-request ones.
#include <sys/socket.h>
#include <unistd.h>

#include <hiredis/hiredis.h>
#include <libpq-fe.h>
#include <sls/function.hpp>

static PGconn* g_db = PQconnectdb("host=db");           // validated before use below  // expect: note sls-global-mutable-state
static redisContext* g_cache = redisConnect("cache", 6379);  // expect: note sls-global-mutable-state
static int g_socket = socket(AF_INET, SOCK_STREAM, 0);  // expect: note sls-global-mutable-state
static PGconn* g_lazy = nullptr;  // expect: note sls-global-mutable-state
static PGconn* g_checked_lazy = nullptr;  // expect: warning sls-global-mutable-state

static void ensure_db() {
  if (PQstatus(g_db) != CONNECTION_OK) PQreset(g_db);
}

static void query_orders() {
  ensure_db();
  PQexec(g_db, "select 1");
}

static void cache_get() {
  redisCommand(g_cache, "GET %s", "k");  // expect: warning sls-connection-lifecycle
}

static void send_metrics() {
  send(g_socket, "m", 1, 0);  // expect: warning sls-connection-lifecycle
}

static void lazy_query() {
  if (!g_lazy) g_lazy = PQconnectdb("host=db");
  PQexec(g_lazy, "select 2");  // expect: warning sls-connection-lifecycle
}

static void checked_lazy_query() {
  if (!g_checked_lazy || PQstatus(g_checked_lazy) != CONNECTION_OK) g_checked_lazy = PQconnectdb("host=db");
  PQexec(g_checked_lazy, "select 3");
}

static void cache_with_check() {
  if (g_cache->err) redisReconnect(g_cache);
  redisCommand(g_cache, "PING");
}

static void per_request_connection() {
  PGconn* conn = PQconnectdb("host=db");  // created per request: fresh
  PQexec(conn, "select 4");
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  send(fd, "x", 1, 0);
  close(fd);
}

sls::Response handle(const sls::Request& request, sls::Context& context) {
  query_orders();
  cache_get();
  send_metrics();
  lazy_query();
  checked_lazy_query();
  cache_with_check();
  per_request_connection();
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)

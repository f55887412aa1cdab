// Given pid, hostname and uname read at init into globals, or used by handler
// code to build ids, keys and file names, we should report them; a pid only
// logged, at init or per request, is not reported.
#include <cstdio>
#include <string>
#include <sys/utsname.h>
#include <unistd.h>

#include <sls/function.hpp>

static int g_pid = getpid();  // expect: warning sls-instance-identity; note sls-global-mutable-state
static std::string g_owner;   // expect: note sls-global-mutable-state
static utsname g_machine;     // expect: note sls-global-mutable-state
static char g_prefix[16];     // expect: note sls-global-mutable-state

struct Host {
  char name[64] = {};
  Host() { gethostname(name, sizeof name); }  // expect: warning sls-instance-identity
};
static Host g_host;  // expect: note sls-global-mutable-state

__attribute__((constructor)) static void boot() {
  char host[64] = {};
  gethostname(host, sizeof host);  // expect: warning sls-instance-identity
  std::snprintf(g_prefix, sizeof g_prefix, "%.8s", host);
  g_owner = std::string(host) + ":" + std::to_string(getpid());  // expect: warning sls-instance-identity
  uname(&g_machine);  // expect: warning sls-instance-identity
  std::fprintf(stderr, "cold start pid %d\n", getpid());  // logging: fine
}

static std::string scratch_path() {
  return "/tmp/export-" + std::to_string(getpid()) + ".csv";  // expect: warning sls-instance-identity
}

static void idempotency_key(char* out, std::size_t cap, const char* cart) {
  char host[64] = "";
  gethostname(host, sizeof host);  // expect: warning sls-instance-identity
  std::snprintf(out, cap, "%s:%s", host, cart);
}

static std::string next_order() {
  char buf[64];
  std::snprintf(buf, sizeof buf, "ord-%d", static_cast<int>(getpid()));  // expect: warning sls-instance-identity
  return buf;
}

sls::Response handle(const sls::Request& request, sls::Context& context) {
  char key[80];
  idempotency_key(key, sizeof key, "cart");
  std::fprintf(stderr, "[pid %d] %s\n", static_cast<int>(getpid()), scratch_path().c_str());  // logging: fine
  return sls::Response::text(200, (next_order() + key).c_str());
}
SLS_HANDLER(handle)

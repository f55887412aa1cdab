// Given request data flowing into globals, locals and cleared scratch buffers,
// we should report only the stores that outlive the invocation.
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include <sls/function.hpp>

static std::string g_last_user;                   // expect: warning sls-global-mutable-state
static std::vector<std::string> g_history;        // expect: warning sls-global-mutable-state
static std::map<std::string, std::string> g_by;   // expect: warning sls-global-mutable-state
static char g_path[256];                          // expect: warning sls-global-mutable-state
static std::string g_scratch;                     // expect: warning sls-global-mutable-state
static long g_bytes = 0;                          // expect: warning sls-global-mutable-state
static std::string g_greeting = "hi";  // expect: note sls-global-mutable-state

static void remember(const sls::Request& request) {
  g_history.push_back(request.body());  // expect: error sls-request-state-in-global; warning sls-unbounded-global-growth
}

sls::Response handle(const sls::Request& request, sls::Context& context) {
  std::string user = request.header("x-user");
  g_last_user = user;                              // expect: error sls-request-state-in-global
  g_by[request.query("id")] = "seen";              // expect: error sls-request-state-in-global
  std::strcpy(g_path, request.path());             // expect: error sls-request-state-in-global
  remember(request);
  std::string local_copy = request.body();         // a local: per invocation
  g_scratch.clear();                               // reset first: a reused buffer, not leaked state
  g_scratch.append(request.body());
  g_bytes += std::strlen(request.body());          // arithmetic metrics, not request data
  std::string reply = g_greeting + user;           // reading a global is fine
  g_by.clear();
  return sls::Response::text(200, reply.c_str());
}
SLS_HANDLER(handle)

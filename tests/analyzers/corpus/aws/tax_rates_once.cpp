// Sales tax lookup (aws-lambda-cpp) from a constant table built at start-up;
// libcurl is initialised once for the VAT validation calls.
#include <aws/lambda-runtime/runtime.h>

#include <map>
#include <mutex>
#include <string>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

const std::map<std::string, double> kRates = [] {
  std::map<std::string, double> rates;
  rates["DE"] = 0.19;
  rates["FR"] = 0.20;
  rates["NL"] = 0.21;
  rates["SE"] = 0.25;
  rates["CH"] = 0.081;
  return rates;
}();

std::once_flag curl_init_once;

bool vat_id_valid(const std::string& vat) {
  std::call_once(curl_init_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (vat.size() < 8) return false;
  CURL* c = curl_easy_init();
  const std::string url = "https://vat.internal/v1/check/" + vat;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  long status = 0;
  if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(c);
  return status == 200;
}

invocation_response tax(invocation_request const& req) {
  auto q = nlohmann::json::parse(req.payload, nullptr, false);
  if (q.is_discarded()) return invocation_response::failure("bad json", "InvalidEvent");
  const auto it = kRates.find(q.value("country", ""));
  if (it == kRates.end()) return invocation_response::failure("unsupported country", "NotFound");
  const bool reverse_charge = vat_id_valid(q.value("vat_id", ""));
  const double rate = reverse_charge ? 0.0 : it->second;
  return invocation_response::success(nlohmann::json{{"rate", rate}, {"reverse_charge", reverse_charge}}.dump(),
                                      "application/json");
}

}  // namespace

int main() {
  run_handler(tax);
  return 0;
}

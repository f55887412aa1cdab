// Replicates DynamoDB stream records to the search cluster (aws-lambda-cpp).
#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <string>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string search_token = env_or_empty("SEARCH_API_TOKEN");
const std::string region = env_or_empty("AWS_REGION");

long index_document(const std::string& id, const std::string& doc) {
  CURL* c = curl_easy_init();
  const std::string url = "https://search." + region + ".internal/products/_doc/" + id;
  struct curl_slist* headers = curl_slist_append(nullptr, ("authorization: Bearer " + search_token).c_str());
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "PUT");
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, doc.c_str());
  long status = 0;
  if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(c);
  return status;
}

invocation_response replicate(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  if (event.is_discarded()) return invocation_response::failure("bad json", "InvalidEvent");
  const auto& records = event["Records"];
  int failed = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& image = records[i]["dynamodb"]["NewImage"];
    if (index_document(records[i]["dynamodb"]["Keys"].dump(), image.dump()) >= 300) ++failed;
  }
  if (failed) return invocation_response::failure(std::to_string(failed) + " records failed", "Partial");
  return invocation_response::success("{\"replicated\":true}", "application/json");
}

}  // namespace

int main() {
  run_handler(replicate);
  return 0;
}

// Sentiment scoring (aws-lambda-cpp). The model is downloaded to local disk
// on the first invocation of an instance and reused while the instance is warm.
#include <aws/lambda-runtime/runtime.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

#include <curl/curl.h>

using namespace aws::lambda_runtime;

namespace {

size_t to_file(char* d, size_t s, size_t n, void* f) { return std::fwrite(d, s, n, static_cast<FILE*>(f)) * s; }

bool download_model() {
  FILE* f = std::fopen("/tmp/sentiment.bin", "wb");
  if (!f) return false;
  CURL* c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, "https://models.internal/sentiment/v3.bin");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, to_file);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
  const bool ok = curl_easy_perform(c) == CURLE_OK;
  curl_easy_cleanup(c);
  std::fclose(f);
  return ok;
}

double score(const std::string& text) {
  if (access("/tmp/sentiment.bin", R_OK) != 0 && !download_model()) return 0.0;
  std::ifstream model("/tmp/sentiment.bin", std::ios::binary);
  std::ifstream vocab("/tmp/sentiment.vocab");
  std::string word;
  double s = 0;
  while (vocab >> word) {
    if (text.find(word) != std::string::npos) s += 0.1;
  }
  return model ? s : 0.0;
}

invocation_response classify(invocation_request const& req) {
  if (req.payload.empty()) return invocation_response::failure("empty text", "InvalidEvent");
  return invocation_response::success("{\"score\":" + std::to_string(score(req.payload)) + "}", "application/json");
}

}  // namespace

int main() {
  run_handler(classify);
  return 0;
}

// Side-channel control messages (aws-lambda-cpp): a thread long-polls the
// control queue and flips the maintenance flag; invocations honour the flag.
#include <aws/lambda-runtime/runtime.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include <curl/curl.h>

using namespace aws::lambda_runtime;

namespace {

std::atomic<int> maintenance{0};

size_t keep(char* d, size_t s, size_t n, void* out) {
  static_cast<std::string*>(out)->append(d, s * n);
  return s * n;
}

void poll_control(std::stop_token stop) {
  while (!stop.stop_requested()) {
    CURL* c = curl_easy_init();
    std::string msg;
    curl_easy_setopt(c, CURLOPT_URL, "http://queue.internal/v1/control/receive?wait=20");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &msg);
    curl_easy_perform(c);
    curl_easy_cleanup(c);
    if (msg == "maintenance:on") maintenance = 1;
    if (msg == "maintenance:off") maintenance = 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
}

invocation_response serve(invocation_request const& req) {
  if (maintenance.load()) return invocation_response::failure("down for maintenance", "Maintenance");
  return invocation_response::success("{\"echo\":" + std::to_string(req.payload.size()) + "}", "application/json");
}

}  // namespace

int main() {
  std::jthread control(poll_control);
  run_handler(serve);
  return 0;
}

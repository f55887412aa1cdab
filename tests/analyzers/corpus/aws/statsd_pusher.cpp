// Request metrics for the checkout API (aws-lambda-cpp): counters are kept in
// memory and a pusher thread sends them to the StatsD sidecar every 10 s.
#include <aws/lambda-runtime/runtime.h>

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace aws::lambda_runtime;

namespace {

std::atomic<long> requests{0};
std::atomic<long> failures{0};
const int kPid = getpid();
const auto kBoot = std::chrono::system_clock::now();

void push_loop() {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(8125);
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  while (true) {
    std::this_thread::sleep_for(std::chrono::seconds(10));
    char line[160];
    const long up = static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now() - kBoot).count());
    const int n = std::snprintf(line, sizeof line, "checkout.requests:%ld|c|#pid:%d\ncheckout.failures:%ld|c\ncheckout.uptime:%ld|g",
                                requests.exchange(0), kPid, failures.exchange(0), up);
    sendto(fd, line, static_cast<size_t>(n), 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
  }
}

invocation_response checkout(invocation_request const& req) {
  ++requests;
  if (req.payload.find("\"cart\"") == std::string::npos) {
    ++failures;
    return invocation_response::failure("cart missing", "InvalidEvent");
  }
  return invocation_response::success("{\"accepted\":true}", "application/json");
}

}  // namespace

int main() {
  std::thread pusher(push_loop);
  pusher.detach();
  run_handler(checkout);
  return 0;
}

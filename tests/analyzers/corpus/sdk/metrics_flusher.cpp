// Request metrics: every handler call records a latency sample; a background
// flusher ships the samples to the StatsD agent every ten seconds.
#include <sls/function.hpp>

#include <arpa/inet.h>
#include <chrono>
#include <mutex>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

std::mutex samples_mutex;
std::vector<std::string> samples;

void ship(const std::vector<std::string>& batch) {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) return;
  sockaddr_in agent{};
  agent.sin_family = AF_INET;
  agent.sin_port = htons(8125);
  inet_pton(AF_INET, "127.0.0.1", &agent.sin_addr);
  for (const auto& line : batch) {
    sendto(fd, line.data(), line.size(), 0, reinterpret_cast<sockaddr*>(&agent), sizeof agent);
  }
  close(fd);
}

void flush_forever() {
  for (;;) {
    std::this_thread::sleep_for(std::chrono::seconds(10));
    std::vector<std::string> batch;
    {
      std::lock_guard<std::mutex> lock(samples_mutex);
      batch.swap(samples);
    }
    ship(batch);
  }
}

std::thread flusher(flush_forever);

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const auto start = std::chrono::steady_clock::now();
  std::string body = "{\"echo\":" + std::to_string(req.body().size()) + "}";
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
  {
    std::lock_guard<std::mutex> lock(samples_mutex);
    samples.push_back("echo.latency_us:" + std::to_string(micros) + "|ms");
  }
  return sls::Response::json(200, body);
}

SLS_HANDLER(handle)

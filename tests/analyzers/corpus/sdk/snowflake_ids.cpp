// Snowflake-style 64-bit ids: 41 bits of milliseconds since the service epoch,
// 10 bits of worker id, 12 bits of sequence.
#include <sls/function.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <unistd.h>

namespace {

using Millis = std::chrono::milliseconds;

class Snowflake {
 public:
  Snowflake()
      : worker_(static_cast<std::uint64_t>(getpid()) & 0x3ff),
        epoch_(std::chrono::system_clock::now()) {}

  std::uint64_t next() {
    const auto ms = static_cast<std::uint64_t>(
        std::chrono::duration_cast<Millis>(std::chrono::system_clock::now() - epoch_).count());
    if (ms == last_ms_) {
      sequence_ = (sequence_ + 1) & 0xfff;
    } else {
      sequence_ = 0;
      last_ms_ = ms;
    }
    return (ms << 22) | (worker_ << 12) | sequence_;
  }

 private:
  std::uint64_t worker_;
  std::chrono::system_clock::time_point epoch_;
  std::uint64_t last_ms_ = 0;
  std::uint64_t sequence_ = 0;
};

Snowflake generator;

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  int count = 1;
  if (!req.query("count").empty()) count = std::stoi(req.query("count"));
  if (count < 1 || count > 100) return sls::Response::text(400, "count must be 1..100");
  std::string ids;
  for (int i = 0; i < count; ++i) ids += (i ? "," : "") + std::to_string(generator.next());
  return sls::Response::json(200, "{\"ids\":[" + ids + "]}");
}

SLS_HANDLER(handle)

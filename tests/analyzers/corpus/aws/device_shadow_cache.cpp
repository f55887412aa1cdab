// Device shadow lookups for the IoT fleet: the last reported state of each
// device is cached for a minute, at most a few hundred devices at a time.
#include <aws/lambda-runtime/runtime.h>

#include <chrono>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;
using Clock = std::chrono::steady_clock;

namespace {

constexpr size_t kMaxDevices = 512;
constexpr auto kTtl = std::chrono::seconds(60);

struct Entry {
  std::string state;
  Clock::time_point fetched;
};

std::map<std::string, Entry> shadows;

std::string fetch_shadow(const std::string& device) { return "{\"device\":\"" + device + "\",\"online\":true}"; }

const std::string& shadow(const std::string& device) {
  const auto now = Clock::now();
  auto it = shadows.find(device);
  if (it != shadows.end() && now - it->second.fetched < kTtl) return it->second.state;
  if (it == shadows.end() && shadows.size() >= kMaxDevices) shadows.erase(shadows.begin());
  Entry& entry = shadows[device];
  entry.state = fetch_shadow(device);
  entry.fetched = now;
  return entry.state;
}

invocation_response lookup(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  if (event.is_discarded() || !event.contains("device")) return invocation_response::failure("no device", "InvalidEvent");
  return invocation_response::success(shadow(event["device"].get<std::string>()), "application/json");
}

}  // namespace

int main() {
  run_handler(lookup);
  return 0;
}

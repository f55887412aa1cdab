// Event ingestion (aws-lambda-cpp). Each accepted event gets an idempotency
// key made of the machine's boot id and the event sequence number.
#include <aws/lambda-runtime/runtime.h>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

static std::string read_boot_id() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(in, id);
  return id;
}

static const std::string boot_id = read_boot_id();
static unsigned long long sequence = 0;

static std::string idempotency_key() { return boot_id + "-" + std::to_string(++sequence); }

static invocation_response ingest(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  if (event.is_discarded() || !event.contains("type")) {
    return invocation_response::failure("event type missing", "InvalidEvent");
  }
  const std::string key = idempotency_key();
  nlohmann::json out = {{"accepted", true}, {"key", key}, {"type", event["type"].get<std::string>()}};
  return invocation_response::success(out.dump(), "application/json");
}

int main() {
  run_handler(ingest);
  return 0;
}

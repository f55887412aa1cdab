// SQS-triggered worker: applies stock adjustments from the batch, skipping
// message ids it has already applied (SQS delivers at least once).
#include <aws/lambda-runtime/runtime.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;
using json = nlohmann::json;

static std::set<std::string> applied;
static long adjustments_total = 0;

static bool apply(const json& record) {
  const std::string id = record.value("messageId", "");
  if (id.empty() || applied.count(id)) return false;
  auto body = json::parse(record.value("body", ""), nullptr, false);
  if (body.is_discarded()) return false;
  adjustments_total += body.value("delta", 0L);
  applied.insert(id);
  return true;
}

static invocation_response on_batch(invocation_request const& req) {
  auto event = json::parse(req.payload, nullptr, false);
  if (event.is_discarded() || !event.contains("Records")) {
    return invocation_response::failure("not an SQS event", "InvalidEvent");
  }
  const json& records = event["Records"];
  int done = 0, skipped = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (apply(records[i])) ++done;
    else ++skipped;
  }
  json out = {{"applied", done}, {"skipped", skipped}, {"total", adjustments_total}};
  return invocation_response::success(out.dump(), "application/json");
}

int main() {
  run_handler(on_batch);
  return 0;
}

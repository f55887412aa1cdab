// Reports cold/warm start statistics for the platform dashboard
// (aws-lambda-cpp, handler written as a lambda).
#include <aws/lambda-runtime/runtime.h>

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

int invocations = 0;
const auto process_start = std::chrono::steady_clock::now();
std::string last_request_id;

}  // namespace

int main() {
  run_handler([](invocation_request const& req) {
    ++invocations;
    const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - process_start);
    nlohmann::json out = {{"invocations", invocations},
                          {"uptime_s", static_cast<long>(uptime.count())},
                          {"previous", last_request_id},
                          {"cold", invocations == 1}};
    last_request_id = req.request_id;
    return invocation_response::success(out.dump(), "application/json");
  });
  return 0;
}

// Structured request log (aws-lambda-cpp). Lines are kept in memory and
// shipped to the log collector when the process is on its way out.
#include <aws/lambda-runtime/runtime.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

static std::vector<std::string> lines;

static void ship_lines() {
  for (const auto& l : lines) std::fprintf(stdout, "%s\n", l.c_str());
  std::fflush(stdout);
}

static void ship_lines_quick() { ship_lines(); }

static invocation_response handle(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  const std::string user = event.is_discarded() ? "" : event.value("user", "anonymous");
  lines.push_back("{\"rid\":\"" + req.request_id + "\",\"user\":\"" + user + "\"}");
  return invocation_response::success("{\"logged\":true}", "application/json");
}

int main() {
  std::atexit(ship_lines);
  std::at_quick_exit(ship_lines_quick);
  run_handler(handle);
  return 0;
}

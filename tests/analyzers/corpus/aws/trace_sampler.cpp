// Head-based trace sampling for the edge router (aws-lambda-cpp): keeps 5% of
// the traces and gives each kept trace a 64-bit id.
#include <aws/lambda-runtime/runtime.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

using namespace aws::lambda_runtime;

namespace {

std::minstd_rand sampler;
std::mt19937_64 id_source{std::random_device{}()};

bool keep_trace() {
  std::uniform_int_distribution<int> percent(0, 99);
  return percent(sampler) < 5;
}

std::string trace_id() {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(id_source()));
  return buf;
}

invocation_response route(invocation_request const& req) {
  if (!keep_trace()) return invocation_response::success("{\"sampled\":false}", "application/json");
  return invocation_response::success("{\"sampled\":true,\"trace\":\"" + trace_id() + "\",\"rid\":\"" + req.request_id + "\"}",
                                      "application/json");
}

}  // namespace

int main() {
  run_handler(route);
  return 0;
}

// Image resize (aws-lambda-cpp) with a hard stop: if decoding hangs, the
// default SIGALRM action ends the process and the platform retries elsewhere.
// The alarm is always cleared before the invocation returns.
#include <aws/lambda-runtime/runtime.h>

#include <string>
#include <unistd.h>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

struct Size {
  int w = 0, h = 0;
};

Size fit(Size in, int max_edge) {
  if (in.w <= max_edge && in.h <= max_edge) return in;
  if (in.w >= in.h) return {max_edge, in.h * max_edge / in.w};
  return {in.w * max_edge / in.h, max_edge};
}

invocation_response resize(invocation_request const& req) {
  auto q = nlohmann::json::parse(req.payload, nullptr, false);
  if (q.is_discarded()) return invocation_response::failure("bad json", "InvalidEvent");
  Size in{q.value("width", 0), q.value("height", 0)};
  if (in.w <= 0 || in.h <= 0) return invocation_response::failure("bad size", "InvalidEvent");

  alarm(10);
  const Size out = fit(in, q.value("max_edge", 1024));
  std::string body = nlohmann::json{{"width", out.w}, {"height", out.h}}.dump();
  alarm(0);
  return invocation_response::success(body, "application/json");
}

}  // namespace

int main() {
  run_handler(resize);
  return 0;
}

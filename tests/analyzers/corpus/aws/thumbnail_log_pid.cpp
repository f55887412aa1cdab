// Image metadata probe (aws-lambda-cpp). Reads width and height from a PNG
// header in the payload; logs carry the pid to tell runtime restarts apart.
#include <aws/lambda-runtime/runtime.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

using namespace aws::lambda_runtime;

namespace {

constexpr unsigned char kPngMagic[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

invocation_response probe(invocation_request const& req) {
  const auto* data = reinterpret_cast<const unsigned char*>(req.payload.data());
  std::fprintf(stderr, "[pid %d] probe %s (%zu bytes)\n", static_cast<int>(getpid()), req.request_id.c_str(),
               req.payload.size());
  if (req.payload.size() < 24) return invocation_response::failure("too short for a PNG", "InvalidImage");
  for (int i = 0; i < 8; ++i) {
    if (data[i] != kPngMagic[i]) return invocation_response::failure("not a PNG", "InvalidImage");
  }
  const std::uint32_t width = be32(data + 16);
  const std::uint32_t height = be32(data + 20);
  return invocation_response::success("{\"width\":" + std::to_string(width) + ",\"height\":" + std::to_string(height) + "}",
                                      "application/json");
}

}  // namespace

int main() {
  std::fprintf(stderr, "[pid %d] cold start\n", static_cast<int>(getpid()));
  run_handler(probe);
  return 0;
}

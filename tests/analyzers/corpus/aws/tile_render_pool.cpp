// Map tile renderer (aws-lambda-cpp): the tile is split in four quadrants,
// rendered on worker threads that are joined before the response is sent.
#include <aws/lambda-runtime/runtime.h>

#include <array>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <zlib.h>

using namespace aws::lambda_runtime;

namespace {

constexpr int kTile = 256;
constexpr int kHalf = kTile / 2;

void render_quadrant(std::vector<std::uint8_t>& pixels, int qx, int qy, int zoom) {
  for (int y = qy * kHalf; y < (qy + 1) * kHalf; ++y)
    for (int x = qx * kHalf; x < (qx + 1) * kHalf; ++x)
      pixels[static_cast<size_t>(y * kTile + x)] = static_cast<std::uint8_t>((x ^ y) * (zoom + 1));
}

invocation_response render(invocation_request const& req) {
  auto q = nlohmann::json::parse(req.payload, nullptr, false);
  const int zoom = q.is_discarded() ? 0 : q.value("z", 0);
  if (zoom < 0 || zoom > 19) return invocation_response::failure("zoom out of range", "InvalidEvent");

  std::vector<std::uint8_t> pixels(kTile * kTile);
  std::array<std::thread, 4> workers;
  for (int i = 0; i < 4; ++i) workers[i] = std::thread(render_quadrant, std::ref(pixels), i % 2, i / 2, zoom);
  for (auto& w : workers) w.join();

  uLongf size = compressBound(pixels.size());
  std::string packed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size, pixels.data(), pixels.size(), Z_BEST_SPEED) != Z_OK) {
    return invocation_response::failure("compression failed", "Internal");
  }
  packed.resize(size);
  return invocation_response::success(std::to_string(packed.size()), "text/plain");
}

}  // namespace

int main() {
  run_handler(render);
  return 0;
}

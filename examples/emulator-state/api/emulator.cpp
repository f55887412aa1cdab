// GET /api/emulator?button=a advances a tiny game console by one frame and
// returns its screen. This version keeps the console in a global: it works on
// a laptop, where one process serves every request, and falls apart on a
// serverless platform, where each warm instance keeps a different console and
// a cold start resets the game.

#include <sls/function.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace {

// The game itself is read-only data: keeping it in a global is fine.
constexpr std::array<std::uint8_t, 8> k_cartridge = {0x01, 0x02, 0x03, 0x05, 0x08, 0x0d, 0x15, 0x22};

struct Console {
  std::array<std::uint8_t, 64> memory{};
  std::uint32_t frame = 0;
  std::uint8_t x = 0;
  std::string player;

  void press(char button) {
    if (button == 'l' && x > 0) --x;
    if (button == 'r' && x < 15) ++x;
  }
  void step() {
    memory[frame % memory.size()] = k_cartridge[frame % k_cartridge.size()] ^ x;
    ++frame;
  }
  std::string screen() const {
    return "{\"player\":\"" + player + "\",\"frame\":" + std::to_string(frame) + ",\"x\":" + std::to_string(x) + "}";
  }
};

Console g_console;                      // the whole game state, shared by every request of this instance
std::vector<std::string> g_input_log;   // every button ever pressed on this instance

}  // namespace

sls::Response play(const sls::Request& request, sls::Context& context) {
  std::string button = request.query("button");
  g_console.player = request.header("x-player");
  g_input_log.push_back(button);
  g_console.press(button.empty() ? ' ' : button[0]);
  g_console.step();
  return sls::Response::json(200, g_console.screen());
}
SLS_HANDLER(play)

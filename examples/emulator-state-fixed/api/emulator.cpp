// POST /api/emulator?button=a with the save state in the body advances the
// console by one frame and returns the new save state and the screen. The
// console is a local built from the request: nothing survives the invocation,
// so every instance, warm or cold, gives the same answer for the same input.
// (For long-lived sessions, keep the save state in a database instead.)

#include <sls/function.hpp>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

// The game itself is read-only data: keeping it in a global is fine.
constexpr std::array<std::uint8_t, 8> k_cartridge = {0x01, 0x02, 0x03, 0x05, 0x08, 0x0d, 0x15, 0x22};

struct Console {
  std::array<std::uint8_t, 64> memory{};
  std::uint32_t frame = 0;
  std::uint8_t x = 0;

  // Save state: "frame,x" (the memory is recomputed from the cartridge).
  static Console load(const std::string& state) {
    Console console;
    auto comma = state.find(',');
    if (comma == std::string::npos) return console;
    std::uint32_t frames = static_cast<std::uint32_t>(std::strtoul(state.c_str(), nullptr, 10));
    console.x = static_cast<std::uint8_t>(std::strtoul(state.c_str() + comma + 1, nullptr, 10) % 16);
    for (std::uint32_t i = 0; i < frames && i < 4096; ++i) console.step();
    return console;
  }
  std::string save() const { return std::to_string(frame) + "," + std::to_string(x); }

  void press(char button) {
    if (button == 'l' && x > 0) --x;
    if (button == 'r' && x < 15) ++x;
  }
  void step() {
    memory[frame % memory.size()] = k_cartridge[frame % k_cartridge.size()] ^ x;
    ++frame;
  }
};

}  // namespace

sls::Response play(const sls::Request& request, sls::Context& context) {
  Console console = Console::load(request.body());
  std::string button = request.query("button");
  console.press(button.empty() ? ' ' : button[0]);
  console.step();
  std::string player = request.header("x-player");
  return sls::Response::json(200, "{\"player\":\"" + player + "\",\"state\":\"" + console.save() +
                                      "\",\"frame\":" + std::to_string(console.frame) + "}");
}
SLS_HANDLER(play)

// A prebuilt api/*.wasm comes from any toolchain: decoding its sections must stop at the first
// byte that makes no sense, never read past the buffer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bundler/wasm/wasm_module.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)sls::validate_wasi_command(bytes);
  return 0;
}

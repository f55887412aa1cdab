// Shared libraries a project links come from anywhere (vendored .so files included): reading
// their dynamic section and version needs must survive any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bundler/shake/elf_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)sls::read_elf(bytes);
  return 0;
}

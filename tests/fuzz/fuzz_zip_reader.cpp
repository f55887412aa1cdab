// A bundle zip from disk may be damaged or made by hand: the structure check and the libarchive
// read behind it must refuse it cleanly, within the sizes the central directory declares.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bundler/inspect/zip_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)sls::read_zip_bytes(bytes, "fuzz.zip");
  return 0;
}

// Depfiles are written by the compiler, but paths in them come from the project: escapes,
// continuations and odd whitespace must parse without running off the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cache/depfile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  (void)sls::parse_depfile(text);
  return 0;
}

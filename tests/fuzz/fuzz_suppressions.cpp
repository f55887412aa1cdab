// NOLINT comments are read from every source file a user writes: any text, queried at any line.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analyzers/suppressions.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sls::analyzers::Suppressions suppressions(text, "fuzz.cpp");
  for (unsigned line = 0; line < 8; ++line) (void)suppressions.suppresses("sls-global-mutable-state", line);
  (void)suppressions.unused();
  (void)suppressions.problems();
  return 0;
}

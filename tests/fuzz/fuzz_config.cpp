// sls.toml as a user (or a careless generator) may write it: any text must end in a config or in
// located diagnostics, never in a crash. The byte-size parser used by [cache] rides along.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cache/content_store.hpp"
#include "config/project_config.hpp"
#include "core/diagnostics.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sls::Diagnostics diagnostics;
  (void)sls::parse_project_config(text, "sls.toml", "fuzz", diagnostics);
  (void)sls::parse_byte_size(text);
  return 0;
}

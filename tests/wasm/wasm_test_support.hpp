#pragma once
// Helpers shared by the wasm tests: hand-written module bytes, temporary
// folders, and wasm32-wasi programs compiled with the same clang sls drives.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/temp_dir.hpp"

namespace sls::test {

// Unsigned LEB128, as the binary format stores sizes, counts and indices.
std::string leb(std::uint32_t value);
// A length-prefixed name.
std::string wasm_name(const std::string& text);

// A module written section by section: just enough of the format to make the
// good and the broken modules the validator must tell apart.
class ModuleWriter {
public:
  ModuleWriter& section(std::uint8_t id, const std::string& payload);
  const std::string& bytes() const { return m_bytes; }

private:
  std::string m_bytes{"\0asm\x01\0\0\0", 8};
};

struct ImportSpec {
  std::string module, name;
};

// A WASI command with these function imports (all of type () -> ()), a
// memory, and the exports named (of "_start", "memory").
std::string minimal_command(const std::vector<ImportSpec>& imports, bool export_start = true,
                            bool export_memory = true);

// A fresh folder under the system temp folder, removed with the object.
using TempDir = sls::testing::TempDir;

void write_text(const std::filesystem::path& path, const std::string& text);
std::string read_bytes(const std::filesystem::path& path);

// Compiles C source to a stripped wasm32-wasi command; "" plus a log on failure.
std::string compile_c_to_wasm(const std::string& source, const std::filesystem::path& work_dir, std::string& log);

}  // namespace sls::test
